/**
 * response_schema_conformance: the body validates, with Ajv, against the schema the doc gives
 * for that status. Covers error envelopes and their required fields. Each violation has the
 * basis of the keyword that failed. A name given twice in one object is a warning: parsers
 * disagree on which value counts; so is an undocumented name that is an absent documented one in
 * another case or spelling (`responseCode` for `response_code`). A value whose schema's example is
 * a date pattern (`yyyy-MM-dd HH:mm:ss`) has that form, and (assumed) is the time of the answer
 * in UTC or India's time (src/checks/date-stamps.ts).
 */
import { documented, documentedJsonBody, when } from "./preconditions.ts";
import { schemaFindings } from "./schema-findings.ts";
import { CLOCK_SLACK_MS, dateStampFindings } from "./date-stamps.ts";
import { duplicateNames } from "./duplicate-names.ts";
import { lookalikeNames, propertiesOf } from "./lookalike-names.ts";
import type { Check, CheckInput, Finding } from "./types.ts";

export const responseSchemaConformance: Check = {
  id: "response_schema_conformance",
  run: when(documentedJsonBody, (input) => {
    const status = input.response.status;
    if (!input.json.ok) {
      const basis = documented(input)!.bodyBasis;
      const empty = input.response.text === "";
      return [{ expected: `a JSON body valid against the ${status} schema`, actual: empty ? "no body" : `not JSON: ${input.json.error}`, message: empty ? `the ${status} has no body, where a JSON one is expected` : `the ${status} body does not parse as JSON`, basis }];
    }
    const schema = documented(input)!.schema;
    return [...duplicated(input.response.text), ...renamed(status, input.json.value, schema), ...schemaFindings(input, input.json.value), ...dateStamps(input, schema), ...envelopeSaysSuccess(status, input.json.value, schema)];
  }),
};

/** Envelope fields that carry the answer's own status code (EnKash's response_code). */
const ENVELOPE_CODES = ["response_code", "responseCode", "status_code", "statusCode"];

/**
 * An error answer whose documented envelope code says success (`response_code: 200` on a 404): a
 * client that reads the envelope, as it invites, takes the failure for a success. What the field
 * holds is not documented, so this is assumed.
 */
function envelopeSaysSuccess(status: number, body: unknown, schema: unknown): Finding[] {
  if (status < 400 || body === null || typeof body !== "object" || Array.isArray(body) || schema === null || typeof schema !== "object") return [];
  const properties = propertiesOf(schema as Record<string, unknown>, 0);
  const field = ENVELOPE_CODES.find((name) => name in properties && typeof (body as Record<string, unknown>)[name] === "number");
  const code = field === undefined ? undefined : ((body as Record<string, unknown>)[field] as number);
  if (code === undefined || code < 200 || code >= 300) return [];
  return [{ expected: `/${field} agreeing with the status ${status}`, actual: `/${field} = ${code}`, message: `the ${status} body's envelope says ${field} ${code}, a success: a client reading the envelope takes the failed request for a success (assumed: the doc does not say what the field holds)`, basis: "assumed" }];
}

/** RFC 9110 §5.6.7's IMF-fixdate. */
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Values of a documented date pattern: out of form (the body's basis), or not the answer's time (assumed: no zone is documented). */
function dateStamps(input: CheckInput, schema: unknown): Finding[] {
  const date = input.response.headers.date;
  const answeredAt = typeof date === "string" && !Number.isNaN(Date.parse(date)) ? Date.parse(date) : undefined;
  // The Date header is the clock the stamps are read against: one far from payconform's own (a
  // local time labelled GMT) would let a stamp in the same wrong zone pass.
  const skewMin = answeredAt === undefined ? 0 : Math.round((answeredAt - Date.now()) / 60_000);
  // RFC 9110 §5.6.7: a sender generates HTTP dates as IMF-fixdate, in GMT (`Sun, 06 Nov 1994 08:49:37 GMT`).
  if (typeof date === "string" && !IMF_FIXDATE.test(date)) {
    return [{ expected: "a Date header in IMF-fixdate form (Sun, 06 Nov 1994 08:49:37 GMT)", actual: `Date: ${date}`, message: `the answer's Date header is not in the IMF-fixdate form RFC 9110 §5.6.7 requires of a sender (a day of two digits, GMT): parsers of the form misread or reject it (assumed: HTTP's rule, not the doc's)`, basis: "assumed" }];
  }
  if (Math.abs(skewMin) * 60_000 > CLOCK_SLACK_MS) {
    return [{ expected: `a Date header within ${CLOCK_SLACK_MS / 60_000} minutes of payconform's clock`, actual: `Date: ${date}`, message: `the answer's Date header is ${Math.abs(skewMin)} minutes ${skewMin > 0 ? "ahead of" : "behind"} payconform's clock (a local time labelled GMT, RFC 9110 §5.6.7 requires UTC), so the body's time stamps cannot be read against it (assumed: payconform's clock is right)`, basis: "assumed" }];
  }
  return dateStampFindings(input.json.ok ? input.json.value : undefined, schema, answeredAt).map(({ at, value, pattern, problem }) =>
    problem === "form"
      ? { expected: `a time of the form ${pattern} at ${at}`, actual: JSON.stringify(value), message: `${JSON.stringify(value)} at ${at} is not a time of the documented form ${pattern}, or a field is out of its range`, basis: documented(input)!.bodyBasis }
      : {
          expected: `the time of the answer (Date: ${date}) in UTC or India's time, at ${at}`,
          actual: JSON.stringify(value),
          message: `${JSON.stringify(value)} at ${at} is not the time of the answer (Date: ${date}) in UTC or India's time (UTC+05:30): a 12-hour clock (hh for HH) or a clock in another zone (assumed: no doc names the zone)`,
          basis: "assumed",
        },
  );
}

/** Undocumented names that are a documented, absent one in another case or spelling (an assumed reading: each alone is allowed). */
function renamed(status: number, body: unknown, schema: unknown): Finding[] {
  return lookalikeNames(body, schema).map(({ at, sent, documented }) => ({
    expected: `${JSON.stringify(documented)} at ${at}`,
    actual: `${JSON.stringify(sent)} at ${at}`,
    message: `the ${status} body names ${JSON.stringify(sent)} at ${at} where the doc names ${JSON.stringify(documented)}, which is absent: a client reading the documented name gets nothing`,
    basis: "assumed",
  }));
}

/** A name twice in one object: which value counts depends on the client's parser (an assumed rule: RFC 8259 says SHOULD). */
function duplicated(text: string): Finding[] {
  const names = text.includes('"') ? duplicateNames(text) : [];
  if (names.length === 0) return [];
  const list = names.map((name) => JSON.stringify(name)).join(", ");
  return [{ expected: "each name once in its object", actual: `${list} more than once`, message: `the body gives ${list} more than once in one object: JSON.parse keeps the last value, other parsers the first or none (RFC 8259 §4: names SHOULD be unique)`, basis: "assumed" }];
}
