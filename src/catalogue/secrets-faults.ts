/**
 * Adapters that leak a credential or fail at the transport level. A fault becomes an errored
 * result carrying the check of the scenario it hit: a target that is slow only on deleting an
 * existing customer is caught by delete_semantics, one that resets only unauthenticated
 * requests by auth_enforcement.
 */
import type { SandboxHandle } from "../sandboxes/types.ts";
import { namesAny, recordingFixtures } from "./request-view.ts";
import { startCatalogueSandbox, variant, type AdapterMeta, type FaultyAdapter } from "./types.ts";

/** How long the slow adapter holds an answer; the run's timeout is well below it. */
export const SLOW_DELAY_MS = 1000;
const SLOW_TIMEOUT_MS = 300;

const slowMeta: AdapterMeta = {
  name: "juspay-slow-fixture-delete",
  provider: "juspay",
  departure: `takes ${SLOW_DELAY_MS} ms to answer a delete of an existing account (the run's timeout is ${SLOW_TIMEOUT_MS} ms)`,
  expectedCheck: "delete_semantics",
  runOptions: { timeoutMs: SLOW_TIMEOUT_MS },
};

/** Holds deletes of issued fixtures for SLOW_DELAY_MS, then answers DELETED; pending answers end at close. */
async function startSlow(): Promise<SandboxHandle> {
  const issued = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const handle = await startCatalogueSandbox("juspay", {
    behaviour: recordingFixtures("juspay", issued),
    rawResponse(req, res) {
      if (!namesAny(req, issued)) return false;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (res.destroyed) return;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ customer_account_status: "DELETED", customer_account_id: req.segments.at(-1) }));
      }, SLOW_DELAY_MS);
      timers.add(timer);
      return true;
    },
  });
  return {
    ...handle,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await handle.close();
    },
  };
}

export const secretsFaults: FaultyAdapter[] = [
  variant(
    {
      name: "cashfree-echoes-client-id",
      provider: "cashfree",
      departure: "names the x-client-id it was sent in the 401 message (the App ID, which the doc calls an ID: that it is a secret is assumed, so judged with --strict)",
      expectedCheck: "no_secret_echo",
      runOptions: { strict: true },
    },
    {
      transformReply: (req, reply) =>
        reply.status === 401 && typeof req.headers["x-client-id"] === "string"
          ? { ...reply, body: { ...(reply.body as object), message: `Invalid API credentials provided for client ${req.headers["x-client-id"]}` } }
          : reply,
    },
  ),
  variant(
    {
      name: "enkash-echoes-token-in-header",
      provider: "enkash",
      departure: "echoes the bearer token it refused in the 401's WWW-Authenticate header",
      expectedCheck: "no_secret_echo",
    },
    {
      transformReply: (req, reply) => {
        const token = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
        if (reply.status !== 401 || !token) return reply;
        return { ...reply, headers: { ...reply.headers, "www-authenticate": `Bearer error="invalid_token", token="${token}"` } };
      },
    },
  ),
  { ...slowMeta, start: startSlow },
  variant(
    {
      name: "yuno-resets-without-credentials",
      provider: "yuno",
      departure: "resets the connection on a request without public-api-key instead of answering",
      expectedCheck: "auth_enforcement",
    },
    {
      rawResponse(req, res) {
        if (typeof req.headers["public-api-key"] === "string") return false;
        res.socket?.destroy();
        return true;
      },
    },
  ),
];
