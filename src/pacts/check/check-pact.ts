/**
 * Cross-checks one pact file against its provider's spec, picked by the pact's provider name:
 * every HTTP interaction must route to a documented operation and pass every registered check;
 * the UPI pact's synchronous messages go through the payload validator. Every finding is
 * collected; none stops the others.
 */
import { isHttpProvider } from "../../providers.ts";
import { loadSpec } from "../../spec/load.ts";
import type { ApiSpec } from "../../spec/model.ts";
import { validatorFor } from "../../spec/precompiled.ts";
import { UPI_PROVIDER } from "../names.ts";
import type { PactFile } from "../pact-files.ts";
import { isHttpInteraction, readHttpInteraction } from "./interaction-view.ts";
import { isSynchronousMessage, messageProblems } from "./message-checks.ts";
import type { HttpInteraction, PactCheckId, PactFinding, Problem, RegisteredPactCheck } from "./model.ts";
import { HTTP_PACT_CHECKS } from "./registry.ts";
import { routeInteraction } from "./route.ts";

type Obj = Record<string, unknown>;


export function checkPact(pact: PactFile, checks: readonly RegisteredPactCheck[] = HTTP_PACT_CHECKS): PactFinding[] {
  const interactions = pact.pact.interactions as unknown[];
  const finding = (check: PactCheckId, interaction: string) => (p: Problem): PactFinding => ({ check, file: pact.file, interaction, ...p });
  const upi = pact.provider === UPI_PROVIDER;
  if (!upi && !isHttpProvider(pact.provider)) {
    return [finding("known_provider", "")({ path: "$.provider.name", message: `no spec for provider "${pact.provider}" (expected juspay, yuno, cashfree, enkash or ${UPI_PROVIDER})` })];
  }
  if (!Array.isArray(interactions) || interactions.length === 0) {
    return [finding("has_interactions", "")({ path: "$.interactions", message: "the pact holds no interaction, so it promises nothing to check" })];
  }
  const spec = upi ? undefined : loadSpec(pact.provider as Parameters<typeof loadSpec>[0]);
  return interactions.flatMap((raw, index) => {
    const description = isObj(raw) && typeof raw.description === "string" ? raw.description : "";
    if (upi && isSynchronousMessage(raw)) return messageProblems(raw, index).map(finding("message_payload", description));
    if (spec && isHttpInteraction(raw)) return checkHttp(spec, readHttpInteraction(raw as Obj, index), checks).map(([check, p]) => finding(check, description)(p));
    const kind = upi ? "a synchronous message" : "an HTTP interaction";
    return [finding(upi ? "message_payload" : "operation_exists", description)({ path: `$.interactions[${index}]`, message: `not ${kind}, the only kind ${pact.provider}'s contract documents` })];
  });
}

function checkHttp(spec: ApiSpec, interaction: HttpInteraction, checks: readonly RegisteredPactCheck[]): [PactCheckId, Problem][] {
  const route = routeInteraction(spec, interaction.method, interaction.path);
  if (route.kind === "noRoute") {
    return [["operation_exists", { path: `${interaction.base}.request.path`, message: `${interaction.path} matches no path of ${spec.file}` }]];
  }
  if (route.kind === "wrongMethod") {
    return [["operation_exists", { path: `${interaction.base}.request.method`, message: `${interaction.method} is not documented for ${interaction.path} (documented: ${route.documented.join(", ")})` }]];
  }
  const ctx = { interaction, op: route.op, pathParams: route.pathParams, validator: (schema: Record<string, unknown>) => validatorFor("response", schema) };
  return checks.flatMap((check) => check.run(ctx).map((p): [PactCheckId, Problem] => [check.id, p]));
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
