/**
 * The floor of any proxy hop: a Node server on 127.0.0.1 that forwards each request to the
 * target over keep-alive connections and pipes the answer back, checking nothing and printing
 * nothing. `node bench/forwarder.ts PORT TARGET_URL`; the bench measures it beside `payconform
 * proxy` to show what the hop itself costs.
 */
import http from "node:http";

const port = Number(process.argv[2]);
const target = new URL(process.argv[3]);
const basePath = target.pathname.replace(/\/+$/, "");
const agent = new http.Agent({ keepAlive: true });

http
  .createServer((req, res) => {
    const headers = { ...req.headers, host: target.host };
    const upstream = http.request({ hostname: target.hostname, port: target.port, method: req.method, path: basePath + (req.url ?? "/"), headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  })
  .listen(port, "127.0.0.1");
