/**
 * path_pattern_enforcement and query_pattern_enforcement: for every parameter with a documented
 * pattern, values generated from the regex that break it, each expected to be rejected with a 4xx.
 * A documented query pattern's values are then sent against a fixture as well (against-fixture.ts),
 * and so is the parameter sent twice, a valid value and then a breaking one (assumed), and the
 * fixture's own value, where its source names one, with text after it that breaks the pattern.
 */
import { SpecError } from "../errors.ts";
import type { OperationSpec, ParameterSpec } from "../spec/model.ts";
import { againstFixture } from "./against-fixture.ts";
import { plan, type Scenario } from "./model.ts";
import { fullwidthFirst, percentEncodedFirst } from "./values.ts";
import type { Rng } from "./random.ts";
import { generateMatching, generateViolations, type PatternViolation } from "./regex/index.ts";

export function patternScenarios(op: OperationSpec, rng: Rng): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const param of op.parameters) {
    if (param.in === "header" || typeof param.schema.pattern !== "string") continue;
    const violations = violationsOf(param, rng);
    for (const v of violations) {
      // An empty path parameter yields another path (`/customer/`), a route the contract does not cover.
      if (param.in === "path" && v.label === "empty") continue;
      const where = param.in === "path" ? { pathParams: { [param.name]: v.value } } : { query: { [param.name]: v.value } };
      scenarios.push({
        id: `${param.in} ${param.name} ${v.label}`,
        provider: op.provider,
        operationId: op.operationId,
        check: param.in === "path" ? "path_pattern_enforcement" : "query_pattern_enforcement",
        basis: param.assumed.pattern || param.assumed.all ? "assumed" : "documented",
        fixtures: 0,
        description: `${param.name} ${v.description} (pattern ${param.schema.pattern})`,
        steps: [{ label: v.label, plan: plan(where), expect: "rejected" }],
      });
    }
    if (param.in === "query" && !param.assumed.pattern && !param.assumed.all) {
      const own = scenarios.filter((s) => s.check === "query_pattern_enforcement" && s.id.startsWith(`query ${param.name} `)).map((s) => ({ label: s.id, plan: s.steps[0].plan }));
      // The name with a letter percent-encoded (`%70arentCompanyId`, the same name once decoded, RFC 3986 §2.3): a server matching names before it decodes them checks nothing.
      const broken = violations.find((v) => (v.label === "wrong-char-class" || v.label === "lowercase") && !v.value.includes("%"));
      if (broken) own.push({ label: `query ${param.name} ${broken.label}, its name with a letter percent-encoded`, plan: plan({ query: { [percentEncodedFirst(param.name, /[A-Za-z]/)]: broken.value }, rawInQuery: ["%"] }) });
      const fixtureScenario = againstFixture(op, "query_pattern_enforcement", `the ${param.name} pattern`, own);
      if (fixtureScenario) scenarios.push(fixtureScenario);
      const twice = sentTwice(op, param, violations, rng);
      if (twice) scenarios.push(twice);
      const ownBroken = fixtureOwnBroken(op, param, rng);
      if (ownBroken) scenarios.push(ownBroken);
    }
  }
  return scenarios;
}

/**
 * The query parameter sent twice against a fixture: a value that fits its pattern, then one that
 * breaks it. A target whose validator reads one copy and whose handler another lets the second
 * through (HTTP parameter pollution, CWE-235). The doc gives the parameter one value; which copy a
 * server takes, or whether it refuses both, is its framework's choice, so this is assumed.
 */
function sentTwice(op: OperationSpec, param: ParameterSpec, violations: readonly PatternViolation[], rng: Rng): Scenario | undefined {
  const broken = violations.find((v) => v.label === "wrong-char-class" || v.label === "lowercase");
  if (!broken) return undefined;
  const valid = generateMatching(String(param.schema.pattern), rng);
  const label = `${param.name} twice: a valid value, then a ${broken.label} one`;
  return againstFixture(op, "query_pattern_enforcement", `the ${param.name} pattern, the parameter sent twice,`, [{ label, plan: plan({ query: { [param.name]: valid }, extraQuery: [[param.name, broken.value]] }) }], "assumed");
}

/** What is put after the fixture's own value (and, below, its respellings): one character more, a space, a line feed (which `$` in Java or PCRE lets through), `;x` (which a query parser splitting on `;` cuts off), a NUL (which C-string handling cuts at), `&x=1` percent-encoded (which a server decoding the whole query before it splits it reads as another parameter). */
const OWN_VALUE_SUFFIXES: ReadonlyArray<[string, string]> = [
  ["0", "with one character more"],
  [" ", "with a space after it"],
  ["\n", "with a line feed after it"],
  [";x", "with ;x after it"],
  ["\u200b", "with a zero-width space after it"],
  ["\u0000x", "with a NUL and x after it"],
  ["&x=1", "with &x=1 after it, percent-encoded"],
];

/**
 * The fixture's own value of the query parameter, as its source named it, with text after it that
 * breaks the pattern (for any value of it: checked on a generated one), against the fixture. A
 * target that cuts or trims the value before it checks it, or scopes by it, finds the fixture's own
 * and deletes it; one that checks the value as sent refuses it. Skipped where the fixture source
 * names no such value.
 */
function fixtureOwnBroken(op: OperationSpec, param: ParameterSpec, rng: Rng): Scenario | undefined {
  const pattern = new RegExp(String(param.schema.pattern), "u");
  const sample = generateMatching(String(param.schema.pattern), rng);
  const breaks = OWN_VALUE_SUFFIXES.filter(([suffix]) => !pattern.test(`${sample}${suffix}`)).map(([suffix, text]) => ({ label: `the fixture's own ${param.name} ${text}`, plan: plan({ scopeQuery: true, scopeSuffix: suffix, ...(suffix.includes(";") ? { rawInQuery: [";"] } : {}) }) }));
  // The value respelled so that only a second percent-decoding, or NFKC, turns it back into the fixture's own.
  if (!pattern.test(percentEncodedFirst(sample, /[A-Za-z]/))) breaks.push({ label: `the fixture's own ${param.name}, a letter percent-encoded and the % encoded again`, plan: plan({ scopeQuery: true, scopeSpelling: "encoded-first" }) });
  if (!pattern.test(fullwidthFirst(sample))) breaks.push({ label: `the fixture's own ${param.name}, its first letter or digit fullwidth`, plan: plan({ scopeQuery: true, scopeSpelling: "fullwidth-first" }) });
  // In lower case (a case-insensitive check and collation), and as a list with another valid value
  // after a comma (a binder that reads the parameter as a list and checks each element).
  if (!pattern.test(sample.toLowerCase())) breaks.push({ label: `the fixture's own ${param.name} in lower case`, plan: plan({ scopeQuery: true, scopeSpelling: "lower-case" }) });
  const other = generateMatching(String(param.schema.pattern), rng);
  if (!pattern.test(`${sample},${other}`)) breaks.push({ label: `the fixture's own ${param.name}, then a comma and another valid value`, plan: plan({ scopeQuery: true, scopeSuffix: `,${other}` }) });
  return againstFixture(op, "query_pattern_enforcement", `the ${param.name} pattern, the fixture's own value broken,`, breaks);
}

function violationsOf(param: ParameterSpec, rng: Rng) {
  try {
    return generateViolations(String(param.schema.pattern), rng);
  } catch (error) {
    if (error instanceof SpecError) return [];
    throw error;
  }
}
