/**
 * Preload (`node --import ./bench/count-exchanges.ts bin/payconform.mjs run ...`) that counts
 * the HTTP exchanges of a whole `payconform run` from Node's own diagnostics channels: requests
 * its embedded sandboxes answered (API requests; the provider-state endpoint apart) and requests
 * its client sent. At exit it writes the counts as JSON to $PAYCONFORM_BENCH_COUNT_FILE.
 */
import { subscribe } from "node:diagnostics_channel";
import { writeFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";

const STATE_PATH = "/_payconform/state";
const counts = { served: 0, stateCalls: 0, sent: 0 };
subscribe("http.server.request.start", (message) => {
  const url = (message as { request: IncomingMessage }).request.url ?? "";
  if (url.startsWith(STATE_PATH)) counts.stateCalls++;
  else counts.served++;
});
subscribe("http.client.request.start", () => {
  counts.sent++;
});
process.on("exit", () => {
  const file = process.env.PAYCONFORM_BENCH_COUNT_FILE;
  if (file) writeFileSync(file, JSON.stringify(counts));
});
