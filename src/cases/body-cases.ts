/**
 * required_body_enforcement: the documented request body left out, each required field left
 * out, each field pinned by const/enum given another value, the pinned value in another case
 * (`DELETE` for `delete`: const and enum compare exactly), with a NUL and more after it, a
 * required field's name in another case (`Command`), with a trailing space or in fullwidth
 * letters (which a trim or NFKC folding before the comparison accepts), and, for a form body, a pinned field
 * sent twice, the pinned value and another (which of two values a form parser keeps is not
 * documented, so that case is assumed), and a required form field sent only under its name with
 * `[]` (`command[]=delete`, which a parser building arrays from brackets and a loose comparison
 * take for the field), or only in the query string (`?command=delete`, which a handler reading
 * "the request's parameters" takes for the body's), or with `;x=1` after its pinned value (which a
 * parser splitting on `;` reads as the pinned value), or with `&x=1` after it percent-encoded (which a
 * parser that decodes before it splits reads as the pinned value), and a pinned verb's synonyms
 * (`remove`, `destroy` for `delete`), and the pinned value without its last character (a prefix),
 * with a line feed after it, with a soft hyphen in its middle, and (a form) a letter of it
 * percent-encoded before the form encoding (which a second decoding reads back), in double quotes,
 * with its first letter as an HTML character reference, and a required form field sent only under
 * its name with a space before it or as a cookie; sent twice, the other value first, is assumed
 * too. The documented ones are also sent against a fixture
 * (against-fixture.ts), and there a pinned field's other value once more with `Expect: 100-continue`
 * (which a server may answer in a handler of its own that acts before it reads the body), and
 * once more sent chunked (which a handler checking only a body with a Content-Length skips).
 */
import type { OperationSpec } from "../spec/model.ts";
import { againstFixture } from "./against-fixture.ts";
import { encodeBody } from "./body.ts";
import { plan, type Scenario } from "./model.ts";
import { percentEncodedFirst } from "./values.ts";

export function bodyScenarios(op: OperationSpec): Scenario[] {
  const body = op.requestBody;
  if (!body) return [];
  const valid = (body.example ?? {}) as Record<string, unknown>;
  const base = { provider: op.provider, operationId: op.operationId, check: "required_body_enforcement" as const, basis: "documented" as const, fixtures: 0 };
  const scenario = (id: string, description: string, sent: string | null, basis: Scenario["basis"] = "documented", query: Record<string, string> = {}, headers: Record<string, string> = {}): Scenario => ({
    ...base,
    basis,
    id,
    description,
    steps: [{ label: id.replace(/^body /, ""), plan: plan({ body: sent, query, headers }), expect: "rejected" }],
  });
  const scenarios: Scenario[] = [];
  if (body.required) scenarios.push(scenario("body missing", "the required request body is left out", null));
  const properties = (body.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = Array.isArray(body.schema.required) ? (body.schema.required as string[]) : [];
  const form = body.contentType === "application/x-www-form-urlencoded";
  for (const field of required) {
    const { [field]: _left, ...rest } = valid;
    scenarios.push(scenario(`body ${field} missing`, `the required field ${field} is left out`, encodeBody(body.contentType, rest)));
    if (form && valid[field] !== undefined) {
      // `command[]=delete` names no field `command`: a parser that builds arrays from brackets
      // (qs) and a loose comparison (`['delete'] == 'delete'`) take it for the field.
      const bracketed = [encodeBody(body.contentType, rest), new URLSearchParams({ [`${field}[]`]: String(valid[field]) }).toString()].filter(Boolean).join("&");
      scenarios.push(scenario(`body ${field} as ${field}[]`, `the required field ${field} is left out and ${field}[] sent with its value`, bracketed));
      // `?command=delete` names the field `?command`: a parser that strips a leading `?` (URLSearchParams
      // given a string, which takes it for a query) reads the field.
      const questioned = `?${[new URLSearchParams({ [field]: String(valid[field]) }).toString(), encodeBody(body.contentType, rest)].filter(Boolean).join("&")}`;
      // Assumed: the client sent a malformed body, and taking it for what it meant is a lenient
      // parser's choice (URLSearchParams, a common way to read a form in Node, does so).
      scenarios.push(scenario(`body ${field} after a ?`, `the body starts with "?", so its first field is named ?${field}, not ${field}`, questioned, "assumed"));
    }
    const recasedName = swapCase(field);
    if (valid[field] !== undefined && recasedName !== field) {
      // Field names compare exactly: a binder that matches them ignoring case (ASP.NET's) takes it.
      scenarios.push(scenario(`body ${field} named ${recasedName}`, `the required field ${field} is left out and sent as ${recasedName}, its name in another case`, encodeBody(body.contentType, { ...rest, [recasedName]: valid[field] })));
    }
    if (valid[field] !== undefined) {
      // A gateway template or binder that reads a parameter from anywhere takes a header of its name.
      scenarios.push(scenario(`body ${field} in a header`, `the required field ${field} is left out of the body and sent as a request header of its name`, encodeBody(body.contentType, rest), "documented", {}, { [field.toLowerCase()]: String(valid[field]) }));
    }
    if (form && valid[field] !== undefined) {
      // ` command` is another field's name: a parser that trims names takes it for the field.
      scenarios.push(scenario(`body ${field} named with a space before it`, `the required field ${field} is left out and sent as " ${field}", its name with a space before it`, [encodeBody(body.contentType, rest), `%20${encodeURIComponent(field)}=${encodeURIComponent(String(valid[field]))}`].filter(Boolean).join("&")));
      // A handler reading a field from "the request" (PHP's $_REQUEST merges cookies too) takes a cookie of its name.
      scenarios.push(scenario(`body ${field} in a cookie`, `the required field ${field} is left out of the body and sent as a cookie of its name`, encodeBody(body.contentType, rest), "documented", {}, { cookie: `${field}=${encodeURIComponent(String(valid[field]))}` }));
    }
    if (valid[field] !== undefined && !op.parameters.some((p) => p.in === "query" && p.name === field)) {
      // A handler that reads a field from "the request" (PHP's $_REQUEST, Rails' params, Express's
      // req.param) takes it from the query string when the body lacks it.
      scenarios.push(scenario(`body ${field} in the query`, `the required field ${field} is left out of the body and sent in the query string`, encodeBody(body.contentType, rest), "documented", { [field]: String(valid[field]) }));
    }
  }
  for (const [field, schema] of Object.entries(properties)) {
    const pinned = "const" in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
    if (!pinned) continue;
    const allowed = pinned.map(String).join("|");
    const other = `${String(pinned[0])}_not`;
    scenarios.push(scenario(`body ${field} not ${allowed}`, `${field} is "${other}" where the doc allows only ${pinned.map(String).join(", ")}`, encodeBody(body.contentType, { ...valid, [field]: other })));
    // A value trimmed, or folded by NFKC (fullwidth letters), before the comparison is another value accepted.
    scenarios.push(scenario(`body ${field} with a trailing space`, `${field} is "${String(pinned[0])} ", a pinned value with a space after it`, encodeBody(body.contentType, { ...valid, [field]: `${String(pinned[0])} ` })));
    // A line feed after it (what a chomp, or `$` in Java or PCRE, lets through), and a soft hyphen in
    // its middle (what a sanitiser stripping invisible format characters, \p{Cf}, removes).
    scenarios.push(scenario(`body ${field} with a trailing line feed`, `${field} is "${String(pinned[0])}\\n", a pinned value with a line feed after it`, encodeBody(body.contentType, { ...valid, [field]: `${String(pinned[0])}\n` })));
    const middle = String(pinned[0]).length >> 1;
    if (middle > 0) scenarios.push(scenario(`body ${field} with a soft hyphen`, `${field} is the pinned value with a soft hyphen (U+00AD, invisible) in its middle`, encodeBody(body.contentType, { ...valid, [field]: `${String(pinned[0]).slice(0, middle)}\u00ad${String(pinned[0]).slice(middle)}` })));
    // A NUL and more after it: what code handing the value to a C string cuts off.
    scenarios.push(scenario(`body ${field} followed by a NUL`, `${field} is "${String(pinned[0])}\\u0000x", a pinned value with a NUL and more after it`, encodeBody(body.contentType, { ...valid, [field]: `${String(pinned[0])}\u0000x` })));
    const fullwidth = String(pinned[0]).replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    if (fullwidth !== String(pinned[0])) scenarios.push(scenario(`body ${field} fullwidth`, `${field} is "${fullwidth}", a pinned value in fullwidth letters that NFKC folds back`, encodeBody(body.contentType, { ...valid, [field]: fullwidth })));
    const recased = pinned.map(String).map(swapCase).find((v) => !pinned.map(String).includes(v));
    if (recased !== undefined) {
      scenarios.push(scenario(`body ${field} ${recased}`, `${field} is "${recased}", a pinned value in another case`, encodeBody(body.contentType, { ...valid, [field]: recased })));
    }
    // A prefix of the pinned value, which a server that takes any prefix of it (`startsWith`) accepts.
    if (String(pinned[0]).length > 1) scenarios.push(scenario(`body ${field} cut short`, `${field} is "${String(pinned[0]).slice(0, -1)}", the pinned value without its last character`, encodeBody(body.contentType, { ...valid, [field]: String(pinned[0]).slice(0, -1) })));
    // A verb the server also takes for the pinned one (an alias table: `remove` for `delete`).
    for (const synonym of SYNONYMS[String(pinned[0])] ?? []) {
      if (!pinned.map(String).includes(synonym)) scenarios.push(scenario(`body ${field} ${synonym}`, `${field} is "${synonym}", a synonym of "${String(pinned[0])}" that the doc does not allow`, encodeBody(body.contentType, { ...valid, [field]: synonym })));
    }
    if (form) {
      // The value "delete&x=1", its `&` and `=` encoded: a server that decodes the body before it
      // splits it into fields reads `command=delete` and another field.
      const encodedSeparators = [encodeBody(body.contentType, Object.fromEntries(Object.entries(valid).filter(([name]) => name !== field))), `${encodeURIComponent(field)}=${encodeURIComponent(`${String(pinned[0])}&x=1`)}`].filter(Boolean).join("&");
      scenarios.push(scenario(`body ${field} with an encoded &x=1`, `${field} is "${String(pinned[0])}&x=1", its & and = percent-encoded, which only a parser that decodes before it splits reads as "${String(pinned[0])}"`, encodedSeparators));
      // `;` separates nothing in application/x-www-form-urlencoded (WHATWG URL §5.1): the value is
      // "delete;x=1". A parser that also splits on `;` (CGI's, Python's before 3.9.2) reads "delete".
      const semicolon = [encodeBody(body.contentType, Object.fromEntries(Object.entries(valid).filter(([name]) => name !== field))), `${encodeURIComponent(field)}=${encodeURIComponent(String(pinned[0]))};x=1`].filter(Boolean).join("&");
      // The value "%64elete": only a parser that decodes the form's values a second time reads "delete".
      scenarios.push(scenario(`body ${field} percent-encoded twice`, `${field} is "${percentEncodedFirst(String(pinned[0]))}", a letter of the pinned value percent-encoded and then encoded as form data, which only a second decoding reads as "${String(pinned[0])}"`, encodeBody(body.contentType, { ...valid, [field]: percentEncodedFirst(String(pinned[0])) })));
      scenarios.push(scenario(`body ${field} with ;x=1`, `${field} is "${String(pinned[0])};x=1", which only a parser splitting on ";" reads as "${String(pinned[0])}"`, semicolon));
      // In double quotes (a parser that unquotes values), and its first letter as an HTML character
      // reference (`&#100;elete`, which a sanitiser decoding entities reads back).
      scenarios.push(scenario(`body ${field} in double quotes`, `${field} is "\"${String(pinned[0])}\"", the pinned value in double quotes`, encodeBody(body.contentType, { ...valid, [field]: `"${String(pinned[0])}"` })));
      const entity = String(pinned[0]).replace(/^[A-Za-z0-9]/, (c) => `&#${c.charCodeAt(0)};`);
      if (entity !== String(pinned[0])) scenarios.push(scenario(`body ${field} with an HTML character reference`, `${field} is "${entity}", the pinned value with its first letter as an HTML character reference`, encodeBody(body.contentType, { ...valid, [field]: entity })));
      const twice = `${encodeBody(body.contentType, { ...valid, [field]: pinned[0] })}&${new URLSearchParams({ [field]: other }).toString()}`;
      scenarios.push(scenario(`body ${field} twice`, `${field} sent twice, "${String(pinned[0])}" and then "${other}"`, twice, "assumed"));
      // The other order: a parser keeping the last value (Rails, PHP, qs) takes the pinned one.
      const twiceOtherFirst = `${new URLSearchParams({ [field]: other }).toString()}&${encodeBody(body.contentType, { ...valid, [field]: pinned[0] })}`;
      scenarios.push(scenario(`body ${field} twice, the other value first`, `${field} sent twice, "${other}" and then "${String(pinned[0])}"`, twiceOtherFirst, "assumed"));
    }
  }
  const documented = scenarios.filter((s) => s.basis === "documented").map((s) => ({ label: s.id, plan: s.steps[0].plan }));
  // A server that answers `Expect: 100-continue` in a handler of its own may act before it reads the body.
  const wrongValue = documented.find((b) => / not /.test(b.label));
  if (wrongValue) documented.push({ label: `${wrongValue.label}, with Expect: 100-continue`, plan: { ...wrongValue.plan, expectContinue: true } });
  // The same body sent chunked: a handler that checks only a body with a Content-Length skips it.
  if (wrongValue) documented.push({ label: `${wrongValue.label}, sent chunked`, plan: { ...wrongValue.plan, chunkedBody: true } });
  const fixtureScenario = againstFixture(op, "required_body_enforcement", "the body rules", documented);
  // The documented body under another media type: a handler that parses any body as the documented
  // one takes a text/plain request, which a browser sends cross-origin without a preflight. That the
  // media type is checked is assumed (the doc gives it, but says nothing of others). So are the
  // documented fields as JSON labelled text/plain, which a handler sniffing for JSON parses.
  const otherType = body.contentType !== "text/plain" && body.example !== undefined ? [{ label: "the documented body labelled text/plain", plan: plan({ headers: { "content-type": "text/plain" } }) }] : [];
  // The documented fields as JSON under text/plain: a handler that sniffs a body for JSON whatever its label.
  if (body.contentType !== "application/json" && valid && Object.keys(valid).length > 0) {
    otherType.push({ label: "the documented fields as JSON, labelled text/plain", plan: plan({ rawBody: { text: JSON.stringify(valid), contentType: "text/plain" } }) });
    // The same fields as JSON, and as multipart/form-data (a type a browser also sends cross-origin without a preflight).
    otherType.push({ label: "the documented fields as JSON", plan: plan({ rawBody: { text: JSON.stringify(valid), contentType: "application/json" } }) });
    otherType.push({ label: "the documented fields as multipart/form-data", plan: plan({ rawBody: multipart(valid) }) });
    // No label at all (a fetch of an untyped Blob): a handler that reads any body as the form.
    otherType.push({ label: "the documented body without a Content-Type", plan: plan({ omitHeaders: ["content-type"] }) });
  }
  if (body.contentType === "application/x-www-form-urlencoded" && body.example !== undefined) {
    // Another media type whose name holds the documented one's subtype (a check by substring).
    otherType.push({ label: "the documented body labelled text/x-www-form-urlencoded", plan: plan({ headers: { "content-type": "text/x-www-form-urlencoded" } }) });
    // The form in UTF-16LE under a charset parameter, which this media type has no use for (WHATWG URL
    // §5.1 decodes it as UTF-8): its bytes are not the documented fields, unless a server decodes by the charset.
    const text = encodeBody(body.contentType, valid);
    otherType.push({ label: "the documented body in UTF-16LE, labelled charset=utf-16le", plan: plan({ rawBody: { text: Array.from(text, (c) => `${c}\u0000`).join(""), contentType: "application/x-www-form-urlencoded; charset=utf-16le" } }) });
  }
  const mediaType = againstFixture(op, "required_body_enforcement", "the body's media type", otherType, "assumed");
  return [...scenarios, ...(fixtureScenario ? [fixtureScenario] : []), ...(mediaType ? [mediaType] : [])];
}

/** The fields as a multipart/form-data body (RFC 7578) with a fixed boundary. */
function multipart(fields: Record<string, unknown>): { text: string; contentType: string } {
  const boundary = "payconform-boundary";
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${String(value)}\r\n`);
  return { text: `${parts.join("")}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

function swapCase(value: string): string {
  return Array.from(value, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");
}

/** Verbs a server may take for a pinned one through an alias table: none of them is the pinned value. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = { delete: ["remove", "destroy"] };
