/**
 * Which interactions of a provider's pacts expect something that rests on an assumed fact: a
 * request whose path breaks only patterns payconform assumed (Cashfree's customer_id pattern).
 * `run` reports a departure there as a warning, and so does verify-pacts.
 */
import { operationContext } from "../runner/run.ts";
import type { HttpProvider } from "../providers.ts";
import { validatorFor } from "../spec/precompiled.ts";
import { matchTemplate } from "./check/route.ts";

type Obj = Record<string, unknown>;

export function assumedInteractions(provider: HttpProvider, interactions: ReadonlyMap<string, Obj>): Set<string> {
  const { op } = operationContext(provider);
  const assumed = new Set<string>();
  for (const [description, interaction] of interactions) {
    const request = interaction.request;
    const path = request !== null && typeof request === "object" ? (request as Obj).path : undefined;
    if (typeof path !== "string") continue;
    const values = matchTemplate(op.path, path);
    if (!values) continue;
    const broken = op.parameters.filter((p) => p.in === "path" && values[p.name] !== undefined && !validatorFor("response", p.schema)(values[p.name]));
    if (broken.length > 0 && broken.every((p) => "pattern" in p.assumed || "all" in p.assumed)) assumed.add(description);
  }
  return assumed;
}
