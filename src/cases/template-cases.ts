/**
 * Template expressions in each path parameter: an id that never existed holding the same product
 * in the syntaxes template engines and expression languages evaluate (`${…}`, `#{…}`, `{{…}}`,
 * `<%= … %>`), and ids that are an interpolation lookup of each credential's environment variable
 * (`${env:NAME}`, what Apache Commons Text expands, CVE-2022-42889). A target that builds its error
 * from the id through such an engine shows the product (no_internal_leak) or the credential
 * (no_secret_echo) in its answer; the answer is otherwise a refusal like any other.
 */
import { PROFILES } from "../profiles/index.ts";
import type { OperationSpec } from "../spec/model.ts";
import { plan, type Scenario } from "./model.ts";

/** 7919 × 7907: what an evaluated expression shows, a number no answer holds by chance. */
export const TEMPLATE_PRODUCT = String(7919 * 7907);

/** An id that never existed, holding 7919*7907 in the syntaxes of EL, SpEL, Jinja, Handlebars, ERB and JSP. */
export const TEMPLATE_ID = "pc-${7919*7907}-#{7919*7907}-{{7919*7907}}-<%= 7919*7907 %>";

export function templateScenarios(op: OperationSpec): Scenario[] {
  const profile = PROFILES[op.provider];
  const envs = Object.values(profile.credentials).map((source) => (source.kind === "basic" ? source.usernameEnv : source.env));
  return op.parameters
    .filter((p) => p.in === "path")
    .map((param) => ({
      id: `path ${param.name} template expressions`,
      provider: op.provider,
      operationId: op.operationId,
      check: "no_internal_leak" as const,
      basis: "documented" as const,
      fixtures: 0,
      description: `${param.name} sent as ${TEMPLATE_ID}, and as \${env:NAME} for each credential's environment variable: a refusal that evaluates none of them (no ${TEMPLATE_PRODUCT}, no credential in the answer)`,
      steps: [
        { label: "expressions", plan: plan({ pathParams: { [param.name]: TEMPLATE_ID } }), expect: "refused" as const },
        ...envs.map((env) => ({ label: `\${env:${env}}`, plan: plan({ pathParams: { [param.name]: `\${env:${env}}` } }), expect: "refused" as const })),
      ],
    }));
}
