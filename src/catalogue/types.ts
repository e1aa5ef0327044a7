/**
 * A faulty adapter: the reference sandbox of one provider with exactly one departure from the
 * documented contract, and the check that must catch it. Users can start one and point
 * `payconform run --target` at it to see what a check's failure looks like.
 */
import type { CheckId } from "../checks/ids.ts";
import type { HttpProvider } from "../providers.ts";
import type { RunOptions } from "../runner/options.ts";
import { makeSandboxCredentials, startSandbox } from "../sandboxes/index.ts";
import type { Credentials, SandboxHandle, SandboxOptions } from "../sandboxes/types.ts";

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

const shared = new Map<HttpProvider, Credentials>();

/**
 * The credentials every target the catalogue starts for `provider` accepts: one set per provider
 * and process. A self-test runs some 80 targets in one process, and every credential a run sends
 * stays registered for masking (src/output.ts) for the life of the process; a set per target would
 * grow that list, and the cost of masking each write, with every run.
 */
export function catalogueCredentials(provider: HttpProvider): Credentials {
  let credentials = shared.get(provider);
  if (!credentials) shared.set(provider, (credentials = makeSandboxCredentials(provider)));
  return { ...credentials };
}

/** Starts the provider's sandbox with the catalogue's credentials and `options`. */
export function startCatalogueSandbox(provider: HttpProvider, options: SandboxOptions = {}): Promise<SandboxHandle> {
  return startSandbox(provider, { credentials: catalogueCredentials(provider), ...options });
}

/**
 * An adapter made of sandbox options. Pass a function when the departure keeps state (ids seen,
 * ids deleted): it is called once per start, so every start begins afresh.
 */
export function variant(meta: AdapterMeta, options: SandboxOptions | (() => SandboxOptions)): FaultyAdapter {
  return { ...meta, start: () => startCatalogueSandbox(meta.provider, typeof options === "function" ? options() : options) };
}

/** A target that makes another choice the documents allow, and the checks that may warn on it. */
export interface AllowedVariant {
  /** Unique kebab-case name, starting with the provider. */
  name: string;
  provider: HttpProvider;
  /** What it does differently from the reference sandbox, in one line. */
  choice: string;
  /** Why the documents allow it, in one line. */
  documents: string;
  /** Checks that may warn on it; every other check stays quiet, and none may fail or error. */
  mayWarn: CheckId[];
  start(): Promise<SandboxHandle>;
}

export type AllowedMeta = Omit<AllowedVariant, "start">;

/** An allowed variant made of sandbox options; a function is called once per start, as for `variant`. */
export function allowed(meta: AllowedMeta, options: SandboxOptions | (() => SandboxOptions)): AllowedVariant {
  return { ...meta, start: () => startCatalogueSandbox(meta.provider, typeof options === "function" ? options() : options) };
}
