/**
 * Counts the HTTP exchanges a target received, from inside the sandbox: a `rawResponse` hook
 * that notes each API request (the provider-state endpoint is not counted) and lets it through.
 */
import type { SandboxOptions, SandboxRequest } from "../src/sandboxes/types.ts";

export interface ExchangeCounter {
  count: number;
  /** performance.now() of the first and the last request seen, when any. */
  first?: number;
  last?: number;
  /** Request lines seen, when recording is on. */
  lines: string[];
  reset(): void;
  /** Sandbox options with the counting hook, merged over `base`. */
  options(base?: SandboxOptions): SandboxOptions;
}

export function createCounter(record = false): ExchangeCounter {
  const counter: ExchangeCounter = {
    count: 0,
    lines: [],
    reset() {
      counter.count = 0;
      counter.first = undefined;
      counter.last = undefined;
      counter.lines = [];
    },
    options(base = {}) {
      return {
        ...base,
        rawResponse: (req, res, env) => {
          note(req);
          return base.rawResponse ? base.rawResponse(req, res, env) : false;
        },
      };
    },
  };
  const note = (req: SandboxRequest): void => {
    const now = performance.now();
    counter.count++;
    counter.first ??= now;
    counter.last = now;
    if (record) counter.lines.push(`${req.method} ${req.rawUrl}`);
  };
  return counter;
}
