/**
 * An existence oracle: the answer to a request for a fixture must match the answers to the same
 * request for ids of its shape that never existed, sent just before and just after it
 * (Step.around), where those two agree with each other; what differs between them (a request id,
 * the id named back) is left aside, and a timestamp that agrees before and after cannot differ in
 * between. A status, a field, a header or a value that only the existing customer's answer has tells a caller
 * which ids exist, and may show what the record holds (a name in a 401). Each answer is read with
 * the ids its own request named taken out (a message naming the requested id is no difference). That the request is
 * refused alike whether or not the id exists is assumed: no document says which check comes first.
 * The same comparison tells a deleted fixture's not-found answer from the one for ids that never
 * existed (a tombstone: "has been deleted", or the deletion's time as Last-Modified), which tells a
 * caller which ids existed; its status is judged by delete_semantics itself.
 */
import type { HttpResponse } from "../http/types.ts";
import type { CheckInput, Finding } from "./types.ts";

/** Whose answer is compared, and what a difference tells a caller. */
export interface OracleSubject {
  what: string;
  tells: string;
  compareStatus: boolean;
}

const WITHOUT_CREDENTIALS: OracleSubject = { what: "without credentials, the answer for an existing fixture", tells: "a caller without credentials learns which ids exist", compareStatus: true };

export function existenceOracle(input: CheckInput, subject: OracleSubject = WITHOUT_CREDENTIALS): Finding[] {
  const around = input.step.around;
  const fixture = around && input.before?.[around.fixture]?.at(-1);
  const a = around && input.before?.[around.unknown]?.at(-1);
  if (!fixture || !a) return [];
  const b: HttpResponse = input.response;
  const expected = `the answer the same request got for ids of the fixture's shape that never existed, before and after (${a.status})`;
  const { what, tells } = around.subject ?? subject;
  if (a.status === b.status && fixture.status !== a.status) {
    if (!subject.compareStatus) return [];
    return [{ expected, actual: `${fixture.status}`, message: `${what} has the status ${fixture.status}, ids that never existed get ${a.status}: ${tells}`, basis: "assumed" }];
  }
  if (fixture.status !== a.status) return [];
  const [idsA, idsB, idsOwn] = [input.paramsBefore?.[around.unknown], input.pathParams, input.paramsBefore?.[around.fixture]];
  const [fa, fb, own] = [leaves(withoutIds(a.text, idsA)), leaves(withoutIds(b.text, idsB)), leaves(withoutIds(fixture.text, idsOwn))];
  for (const [path, value] of own) {
    const [va, vb] = [fa.get(path), fb.get(path)];
    if (va !== vb) continue;
    if (va === value) continue;
    const actual = `${path || "the body"}: ${JSON.stringify(value.slice(0, 80))}${va === undefined ? " (only in its answer)" : ` where ids that never existed get ${JSON.stringify(va.slice(0, 80))}`}`;
    return [{ expected, actual, message: `${what} differs from the one for ids that never existed (${actual}): ${tells}, and what the answer shows of the record`, basis: "assumed" }];
  }
  for (const name of new Set([...Object.keys(fixture.headers), ...Object.keys(a.headers)])) {
    if (FRAMING.has(name)) continue;
    const [va, vb, value] = [withoutIds(a.headers[name], idsA), withoutIds(b.headers[name], idsB), withoutIds(fixture.headers[name], idsOwn)];
    if (va !== vb || va === value) continue;
    const actual = `header ${name}: ${value === undefined ? "absent" : JSON.stringify(value.slice(0, 80))}${va === undefined ? " (only in its answer)" : ` where ids that never existed get ${JSON.stringify(va.slice(0, 80))}`}`;
    return [{ expected, actual, message: `${what} differs from the one for ids that never existed (${actual}): ${tells} (a validator such as ETag or Last-Modified${subject.compareStatus ? " computed before the credentials are checked" : " kept for the deleted record"})`, basis: "assumed" }];
  }
  return [];
}

/**
 * Headers that say how the answer travels (its framing, the connection's reuse), which differ
 * from one answer to the next on a server's own schedule, and cookies a load balancer sets on a
 * new connection: none of them describes what the path names.
 */
const FRAMING = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "set-cookie"]);

/** The text with each id its request named, as it is and percent-encoded, replaced by `{id}`. */
function withoutIds<T extends string | undefined>(text: T, ids: Readonly<Record<string, string>> | undefined): T {
  if (text === undefined || !ids) return text;
  let out: string = text;
  for (const id of Object.values(ids)) {
    if (id.length < 4) continue;
    out = out.split(id).join("{id}");
    const encoded = encodeURIComponent(id);
    if (encoded !== id) out = out.split(encoded).join("{id}");
  }
  return out as T;
}

/** A body's leaves by JSON pointer (a body that is no JSON: one leaf, the text, at ""). */
function leaves(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    out.set("", text);
    return out;
  }
  const visit = (v: unknown, path: string, depth: number): void => {
    if (depth > 32 || out.size > 1000) return;
    if (v !== null && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) visit(item, `${path}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, depth + 1);
    } else out.set(path, String(v));
  };
  visit(value, "", 0);
  return out;
}
