/**
 * required_header_enforcement: each documented required header (other than credentials) left
 * out, sent empty (assumed where its constraints do not rule "" out), and sent with a value that
 * breaks its documented constraints; a header the configuration
 * fills (Yuno's x-account-code) also with the configured value and one more character, which only
 * a comparison of a prefix would take, and, for a 36-character UUID, the configured one written
 * without hyphens, in braces or as a URN, which lenient UUID parsers take, with its first character
 * percent-encoded or a no-break space after it, and sent twice, the configured line first; then all of them
 * against a fixture (against-fixture.ts), where each header is also left out with operators'
 * override flags in the query (`force=true`), which a handler may read to skip its checks, with
 * its value under similar names or in a query parameter of its name, and, where the body is a
 * form, with its value in a form field of its name.
 * Where the spec marks a header's enforcement assumed (Juspay's x-routing-id, which the page
 * describes as a recommendation), its cases are assumed, and go against a fixture of their own.
 */
import type { OperationSpec } from "../spec/model.ts";
import { againstFixture } from "./against-fixture.ts";
import { PROFILES } from "../profiles/index.ts";
import { plan, UUID_SPELLINGS, type Scenario } from "./model.ts";
import type { Rng } from "./random.ts";
import { malformedHeaderValue, neverExistingValue, OVERRIDE_FLAGS } from "./values.ts";

/** For each omitted header, one alias per line: its name without `x-`, with `_` for `-` (what CGI-style servers read as the same), and with `-code` and `-id` exchanged at its end. */
function similarNames(omitted: readonly string[]): Array<Record<string, string>> {
  return omitted.flatMap((name) => {
    const swapped = name.endsWith("-code") ? name.replace(/-code$/, "-id") : name.endsWith("-id") ? name.replace(/-id$/, "-code") : undefined;
    return [...new Set([name.replace(/^x-/, ""), name.replace(/-/g, "_"), swapped])].filter((alias): alias is string => alias !== undefined && alias !== name).map((alias) => ({ [name]: alias }));
  });
}

/** How each of UUID_SPELLINGS writes the configured UUID, and why a server may take it. */
const SPELLING_TEXT: Record<(typeof UUID_SPELLINGS)[number], string> = {
  unhyphenated: "the configured UUID written without hyphens, which a lenient UUID parser takes but which is not the 36 characters the doc requires",
  braced: "the configured UUID written in braces, which a lenient UUID parser takes but which is not the 36 characters the doc requires",
  urn: "the configured UUID written with the urn:uuid: prefix, which a lenient UUID parser takes but which is not the 36 characters the doc requires",
  "hyphens-moved": "the configured UUID's hex digits with the hyphens in other places (4-4-8-8-8), 36 characters but not the UUID form the doc requires, which a check of the length and the hex digits alone takes",
  "percent-encoded": "the configured UUID with its first character percent-encoded (38 characters), which a server that percent-decodes header values takes",
  "nbsp-after": "the configured UUID with a no-break space after it (37 characters), which JavaScript's trim() strips",
  "parameter-added": "the configured UUID with ;v=1 after it (40 characters), which a server reading the field like Content-Type (up to a ;) takes",
};

export function headerScenarios(op: OperationSpec, rng: Rng): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const param of op.parameters) {
    if (param.in !== "header" || !param.required) continue;
    const basis = "enforcement" in param.assumed ? ("assumed" as const) : ("documented" as const);
    const base = { provider: op.provider, operationId: op.operationId, check: "required_header_enforcement" as const, basis, fixtures: 0 };
    const name = param.name.toLowerCase();
    scenarios.push({
      ...base,
      id: `header ${param.name} missing`,
      description: `the required header ${param.name} is left out`,
      steps: [{ label: "missing", plan: plan({ omitHeaders: [name] }), expect: "rejected" }],
    });
    const bad = malformedHeaderValue(param, rng);
    if (bad?.value !== "") {
      // Present but empty: RFC 9110 allows an empty field value, so unless the doc's constraints
      // rule "" out, that a required header needs a value is assumed.
      const ruledOut = typeof param.schema.pattern === "string" || Number(param.schema.minLength ?? 0) > 0 || param.schema.format !== undefined || param.schema.enum !== undefined;
      scenarios.push({
        ...base,
        basis: ruledOut ? basis : "assumed",
        id: `header ${param.name} empty`,
        description: `the required header ${param.name} is sent with an empty value`,
        steps: [{ label: "empty", plan: plan({ headers: { [name]: "" } }), expect: "rejected" }],
      });
    }
    if (bad) {
      scenarios.push({
        ...base,
        id: `header ${param.name} ${bad.label}`,
        description: `the header ${param.name} breaks its documented constraints (${bad.label})`,
        steps: [{ label: bad.label, plan: plan({ headers: { [name]: bad.value } }), expect: "rejected" }],
      });
      if (PROFILES[op.provider].headerValues[param.name]?.kind === "env") {
        scenarios.push({
          ...base,
          id: `header ${param.name} extended`,
          description: `the header ${param.name} is the configured value with one more character, which breaks its documented constraints and which only a prefix comparison takes for the configured one`,
          steps: [{ label: "extended", plan: plan({ headerSuffixes: { [name]: "0" } }), expect: "rejected" }],
        });
        if (param.schema.format === "uuid" && param.schema.maxLength === 36) {
          for (const spelling of UUID_SPELLINGS) {
            scenarios.push({
              ...base,
              id: `header ${param.name} ${spelling}`,
              description: `the header ${param.name} is ${SPELLING_TEXT[spelling]}`,
              steps: [{ label: spelling, plan: plan({ headerSpellings: { [name]: spelling } }), expect: "rejected" }],
            });
          }
          // Two lines, the configured value first: the field is "configured, other" (RFC 9110 §5.3),
          // not a UUID; a server that reads the first line (Go's Header.Get) takes the configured one.
          scenarios.push({
            ...base,
            id: `header ${param.name} repeated, the configured line first`,
            description: `the header ${param.name} sent twice, the configured value and then another UUID on separate lines: together "configured, other", not the 36 characters the doc requires`,
            steps: [{ label: "repeated", plan: plan({ headerRepeats: { [name]: neverExistingValue(param, rng) } }), expect: "rejected" }],
          });
        }
      }
    }
  }
  // Operators' switches (`force=true`) that a handler reads from any request to skip its checks.
  // And the header's value in a form field of its name, which a handler reading "the request's parameters" takes for it.
  const inForm = op.requestBody?.contentType === "application/x-www-form-urlencoded";
  const overridden = (s: Scenario) =>
    s.id.endsWith(" missing")
      ? [
          { label: `${s.id}, override flags in the query`, plan: { ...s.steps[0].plan, query: { ...s.steps[0].plan.query, ...OVERRIDE_FLAGS } } },
          ...(inForm ? [{ label: `${s.id}, its value in the form body`, plan: { ...s.steps[0].plan, omittedHeadersInBody: true } }] : []),
          // A handler that falls back to a header of a similar name (`x-account-id` for `x-account-code`).
          ...similarNames(s.steps[0].plan.omitHeaders).map((aliases) => ({ label: `${s.id}, its value under ${Object.values(aliases).join(", ")}`, plan: { ...s.steps[0].plan, omittedHeadersAs: aliases } })),
          // A handler that falls back to a query parameter of the header's name, or to a cookie of it.
          { label: `${s.id}, its value in the query`, plan: { ...s.steps[0].plan, omittedHeadersInQuery: true } },
          { label: `${s.id}, its value in a cookie`, plan: { ...s.steps[0].plan, omittedHeadersInCookie: true } },
        ]
      : [];
  const breaks = (basis: Scenario["basis"]) => scenarios.filter((s) => s.basis === basis).flatMap((s) => [{ label: s.id, plan: s.steps[0].plan }, ...overridden(s)]);
  const documented = againstFixture(op, "required_header_enforcement", "the header rules", breaks("documented"));
  const assumed = againstFixture(op, "required_header_enforcement", "the assumed header rules", breaks("assumed"), "assumed");
  return [...scenarios, ...(documented ? [documented] : []), ...(assumed ? [assumed] : [])];
}
