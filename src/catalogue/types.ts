/**
 * A faulty adapter: the reference sandbox of one provider with exactly one departure from the
 * documented contract, and the check that must catch it. Users can start one and point
 * `payconform run --target` at it to see what a check's failure looks like.
 */
import type { CheckId } from "../checks/ids.ts";
import type { HttpProvider } from "../providers.ts";
import type { RunOptions } from "../runner/options.ts";
import { startSandbox } from "../sandboxes/index.ts";
import type { SandboxHandle, SandboxOptions } from "../sandboxes/types.ts";

export interface FaultyAdapter {
  /** Unique kebab-case name, starting with the provider. */
  name: string;
  provider: HttpProvider;
  /** The one departure from the documented contract, in one line. */
  departure: string;
  /** The check that must catch it: a failed or errored result of this check. */
  expectedCheck: CheckId;
  /** Run options the departure needs to show, e.g. a short timeout. Default: none. */
  runOptions?: Partial<RunOptions>;
  /** Starts the faulty target on 127.0.0.1 on an ephemeral port; close the handle after use. */
  start(): Promise<SandboxHandle>;
}

export type AdapterMeta = Omit<FaultyAdapter, "start">;

/**
 * An adapter made of sandbox options. Pass a function when the departure keeps state (ids seen,
 * ids deleted): it is called once per start, so every start begins afresh.
 */
export function variant(meta: AdapterMeta, options: SandboxOptions | (() => SandboxOptions)): FaultyAdapter {
  return { ...meta, start: () => startSandbox(meta.provider, typeof options === "function" ? options() : options) };
}
