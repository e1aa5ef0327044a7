/**
 * auth_enforcement: credentials left out, wrong credentials, near misses of each valid credential
 * (empty, one character short or more, letters in the other case: what a loose comparison such as
 * a prefix match or a case-insensitive one accepts), and, where the doc requires more than one
 * scheme together, every partial mix: each credential left out or wrong while the others are
 * right, and (with three or more schemes) each credential sent alone.
 */
import type { OperationSpec, SecuritySchemeSpec } from "../spec/model.ts";
import { NEAR_MISSES, plan, type AuthPlan, type CredentialState, type Scenario } from "./model.ts";

export function authScenarios(op: OperationSpec): Scenario[] {
  if (op.security.length === 0) return [];
  const base = { provider: op.provider, operationId: op.operationId, check: "auth_enforcement" as const, basis: "documented" as const, fixtures: 0 };
  const scenario = (id: string, description: string, label: string, auth: AuthPlan): Scenario => ({
    ...base,
    id,
    description,
    steps: [{ label, plan: plan({ auth }), expect: "rejected" }],
  });
  const scenarios: Scenario[] = [
    scenario("credentials missing", "no credentials are sent", "missing", "missing"),
    scenario("credentials wrong", "credentials of the right shape that the target never issued", "wrong", "wrong"),
  ];
  const only = (scheme: SecuritySchemeSpec, state: CredentialState): AuthPlan => ({ [scheme.name]: state });
  for (const scheme of op.security) {
    const name = `${scheme.name} (${where(scheme)})`;
    for (const kind of NEAR_MISSES) {
      scenarios.push(scenario(`credential ${scheme.name} ${kind}`, `the ${name} credential is the valid one ${NEAR_MISS_TEXT[kind]}; any others are right`, kind, only(scheme, kind)));
    }
    if (scheme.type === "http") {
      const other = scheme.scheme === "bearer" ? "Basic" : "Bearer";
      scenarios.push(scenario(`credential ${scheme.name} under ${other}`, `the valid ${name} credential sent as Authorization: ${other}, not the documented ${scheme.scheme} scheme`, "other-scheme", only(scheme, "other-scheme")));
    }
    if (op.security.length < 2) continue;
    scenarios.push(
      scenario(`credential ${scheme.name} missing`, `only the ${name} credential is left out; the others are right`, "missing-one", only(scheme, "missing")),
      scenario(`credential ${scheme.name} wrong`, `only the ${name} credential is wrong; the others are right`, "wrong-one", only(scheme, "wrong")),
    );
    // With two schemes, one sent alone is the other left out, which the case above already sends.
    if (op.security.length > 2) {
      const alone = Object.fromEntries(op.security.map((s): [string, CredentialState] => [s.name, s.name === scheme.name ? "valid" : "missing"]));
      scenarios.push(scenario(`credential ${scheme.name} alone`, `only the ${name} credential is sent, right`, "alone", alone));
    }
  }
  return scenarios;
}

const NEAR_MISS_TEXT: Record<(typeof NEAR_MISSES)[number], string> = {
  empty: "sent empty",
  truncated: "without its last character",
  extended: "with one character more",
  "case-swapped": "with its letters in the other case",
};

function where(scheme: SecuritySchemeSpec): string {
  return scheme.headerName ?? `${scheme.scheme} authorization`;
}
