/**
 * Pact V4 status matchers (`{"match": "statusCode", "status": [400, 422]}` under
 * `response.matchingRules.status`, or a class such as "clientError"): the statuses an
 * interaction's consumer accepts. payconform's contracts carry one on every interaction whose
 * consumer accepts any documented rejection (rejection.ts).
 */
type Obj = Record<string, unknown>;

/** The HTTP status classes of Pact's statusCode matcher. */
const CLASSES: Record<string, (status: number) => boolean> = {
  information: (s) => s >= 100 && s < 200,
  success: (s) => s >= 200 && s < 300,
  redirect: (s) => s >= 300 && s < 400,
  clientError: (s) => s >= 400 && s < 500,
  serverError: (s) => s >= 500 && s < 600,
  nonError: (s) => s < 400,
  error: (s) => s >= 400,
};

export type AcceptedStatuses = number[] | string;

/** What the response's status matcher accepts, or undefined when the pact gives one exact status. */
export function acceptedStatuses(response: unknown): AcceptedStatuses | undefined {
  const rules = isObj(response) && isObj(response.matchingRules) ? response.matchingRules.status : undefined;
  // Pact JS 17 writes the rule under "$"; a bare rule list is read too.
  const rule = isObj(rules) && isObj(rules.$) ? rules.$ : rules;
  const matchers = isObj(rule) && Array.isArray(rule.matchers) ? rule.matchers : [];
  const matcher = matchers.find((m): m is Obj => isObj(m) && m.match === "statusCode");
  if (!matcher) return undefined;
  if (Array.isArray(matcher.status)) return matcher.status.map(Number);
  return typeof matcher.status === "string" ? matcher.status : undefined;
}

export function accepts(accepted: AcceptedStatuses, status: number): boolean {
  return typeof accepted === "string" ? (CLASSES[accepted]?.(status) ?? false) : accepted.includes(status);
}

export function describeAccepted(accepted: AcceptedStatuses): string {
  return typeof accepted === "string" ? `any ${accepted} status` : accepted.join(", ");
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
