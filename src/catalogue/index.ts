/**
 * The catalogue of faulty adapters: each is a reference sandbox with exactly one departure from
 * the documented contract, and names the check that catches it. Run one as an example of what a
 * check means:
 *
 *   const handle = await CATALOGUE[0].start(); // then `payconform run --target handle.baseUrl ...`
 */
import { authHeaders } from "./auth-headers.ts";
import { badInput } from "./bad-input.ts";
import { deleteSemantics } from "./delete-semantics.ts";
import { secretsFaults } from "./secrets-faults.ts";
import { statusesBodies } from "./statuses-bodies.ts";
import type { FaultyAdapter } from "./types.ts";

export const CATALOGUE: readonly FaultyAdapter[] = [...statusesBodies, ...badInput, ...authHeaders, ...deleteSemantics, ...secretsFaults];

export function adapterByName(name: string): FaultyAdapter | undefined {
  return CATALOGUE.find((a) => a.name === name);
}

export type { FaultyAdapter } from "./types.ts";
export { runAdapter, runSandbox, type AdapterOutcome, type SandboxOutcome } from "./run-target.ts";
