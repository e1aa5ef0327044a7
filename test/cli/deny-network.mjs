// Preloaded into a spawned CLI (node --import) by tests that prove a refusal needs no network:
// any outgoing TCP connection or DNS lookup throws, and the CLI then reports an internal error.
import dns from "node:dns";
import net from "node:net";

const deny = (what) =>
  function denied() {
    throw new Error(`network access attempted (${what})`);
  };

net.Socket.prototype.connect = deny("connect");
dns.lookup = deny("dns.lookup");
dns.promises.lookup = deny("dns.promises.lookup");
