/**
 * Prism as a validating proxy (`prism proxy SPEC UPSTREAM --errors`) in front of a target:
 * started on a loopback port, driven with payconform's requests through the same client at the
 * same concurrency, so Prism validates each exchange. With --errors, a request Prism finds
 * invalid is answered by Prism (422/401) without reaching the target, and a response that breaks
 * the spec comes back as a 500 carrying an `sl-violations` header.
 */
import type { HttpProvider } from "../src/providers.ts";
import { effectiveSpecFile } from "./peer-inputs.ts";
import { createHttpClient, type HttpClient } from "../src/http/client.ts";
import type { HttpRequest } from "../src/http/types.ts";
import { resolveRunOptions } from "../src/runner/options.ts";
import { drive, type DriveResult } from "./drive.ts";
import { freePort, waitForPort } from "./net.ts";
import { start, type Running } from "./spawn.ts";

export interface PrismProxy {
  origin: string;
  /** Spawn to accepting connections. */
  startMs: number;
  close(): Promise<void>;
  output(): string;
}

export async function startPrism(prismBin: string, provider: HttpProvider, upstream: string, timeouts: { start: number; total: number }): Promise<PrismProxy> {
  const port = await freePort();
  // -v warn: Prism's default `info` logs four lines per request; warn keeps violations and errors.
  const args = [prismBin, "proxy", effectiveSpecFile(provider), upstream, "--errors", "-h", "127.0.0.1", "-p", String(port), "-v", "warn"];
  const began = performance.now();
  const proc: Running = start(process.execPath, args, { timeoutMs: timeouts.total });
  let exited = false;
  void proc.done.then(() => (exited = true));
  try {
    await waitForPort(port, timeouts.start, () => !exited);
  } catch (error) {
    proc.kill();
    throw new Error(`prism did not start: ${(error as Error).message}: ${proc.output().slice(-400)}`);
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    startMs: performance.now() - began,
    output: proc.output,
    close: async () => {
      proc.kill();
      await proc.done;
    },
  };
}

export interface PrismLoad {
  drive: DriveResult;
  /** Answers by status. */
  statuses: Record<string, number>;
  /** Distinct response-side violations Prism reported, with how often. */
  responseViolations: Record<string, number>;
  /** Answers Prism gave itself to requests it judged invalid (not forwarded). */
  rejectedByPrism: number;
}

/**
 * Sends `total` of the requests (cycled) through the proxy and tallies what Prism said; with
 * `shared`, through that client (the one payconform's loop uses), else through a client of its own.
 */
export async function loadThroughPrism(requests: readonly HttpRequest[], total: number, limits: { concurrency: number; queueDepth: number }, shared?: HttpClient): Promise<PrismLoad> {
  const client = shared ?? createHttpClient(resolveRunOptions({ concurrency: limits.concurrency }));
  const statuses: Record<string, number> = {};
  const responseViolations: Record<string, number> = {};
  let rejectedByPrism = 0;
  try {
    const result = await drive(total, limits.queueDepth, async (i) => {
      const exchange = await client.send(requests[i % requests.length]);
      const status = exchange.response ? String(exchange.response.status) : `fault:${exchange.fault?.kind}`;
      statuses[status] = (statuses[status] ?? 0) + 1;
      const response = exchange.response;
      if (!response) return;
      const violations = response.headers["sl-violations"];
      if (violations) {
        for (const v of parseViolations(violations)) if (v.location?.[0] === "response") responseViolations[v.message] = (responseViolations[v.message] ?? 0) + 1;
      } else if (response.mediaType === "application/problem+json" && /stoplight\.io\/prism\/errors#(UNPROCESSABLE_ENTITY|UNAUTHORIZED)/.test(response.text)) {
        rejectedByPrism++;
      }
    });
    return { drive: result, statuses, responseViolations, rejectedByPrism };
  } finally {
    if (!shared) client.close();
  }
}

function parseViolations(header: string): Array<{ location?: string[]; message: string }> {
  try {
    const parsed = JSON.parse(header) as Array<{ location?: string[]; message?: string }>;
    return parsed.map((v) => ({ location: v.location, message: v.message ?? "violation" }));
  } catch {
    return [{ location: ["response"], message: header }];
  }
}
