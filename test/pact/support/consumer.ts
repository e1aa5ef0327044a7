/**
 * Shared pieces of the consumer tests: where pact files go, the Pact V4 instance per provider,
 * credential headers (placeholders only) with their regex matchers, and one interaction built
 * from a table row.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MatchersV3, PactV4 } from "@pact-foundation/pact";
import { afterAll } from "vitest";
import { documentedCodes } from "../../../src/checks/error-code-conformance.ts";
import { deleteOperation } from "../../../src/pacts/credential-headers.ts";
import { credentialHeaderPatterns } from "../../../src/pacts/patterns.ts";
import { credentialHeaders } from "../../../src/pacts/credential-headers.ts";
import { PLACEHOLDER_CREDENTIALS, WRONG_CREDENTIALS } from "../../../src/pacts/placeholders.ts";
import { consumerName } from "../../../src/pacts/names.ts";
import { PROFILES } from "../../../src/profiles/index.ts";
import type { HttpProvider } from "../../../src/providers.ts";

process.env.PACT_DO_NOT_TRACK = "true";

type JsonMap = Record<string, string>;
type Matcher = ReturnType<typeof MatchersV3.regex>;
export type StatusMatcher = ReturnType<typeof MatchersV3.matchStatus>;

/**
 * `npm run contracts` and `contracts:check` set PAYCONFORM_PACT_DIR; a plain test run writes to a
 * fresh temporary folder, so running the tests never rewrites the committed contracts.
 */
export function pactDir(): string {
  if (process.env.PAYCONFORM_PACT_DIR) return process.env.PAYCONFORM_PACT_DIR;
  const dir = mkdtempSync(join(tmpdir(), "payconform-pacts-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function newPact(provider: string, dir: string): PactV4 {
  return new PactV4({ consumer: consumerName(provider), provider, dir, logLevel: "warn" });
}

export type AuthKind = "valid" | "wrong" | "missing";

/**
 * The credential headers a client sends: placeholders, wrong placeholders, or none. Headers the
 * profile fills from the account rather than a secret (Yuno's x-account-code) stay on a request
 * with missing credentials.
 */
export function authHeaders(provider: HttpProvider, auth: AuthKind): Record<string, string> {
  const headers = credentialHeaders(provider, auth === "wrong" ? WRONG_CREDENTIALS[provider] : PLACEHOLDER_CREDENTIALS[provider]);
  if (auth !== "missing") return headers;
  const account = Object.keys(PROFILES[provider].headerValues).map((name) => name.toLowerCase());
  return Object.fromEntries(Object.entries(headers).filter(([name]) => account.includes(name)));
}

/** The same headers as the pact records them: each value behind the regex of its documented shape. */
export function authMatchers(provider: HttpProvider, auth: AuthKind): Record<string, Matcher> {
  const patterns = credentialHeaderPatterns(provider);
  return Object.fromEntries(Object.entries(authHeaders(provider, auth)).map(([name, value]) => [name, MatchersV3.regex(patterns[name], value)]));
}

/** `^A$`, or `^(A|B)$` over several documented values, with the first as the example. */
export function oneOf(...values: string[]): Matcher {
  const escaped = values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return MatchersV3.regex(escaped.length === 1 ? `^${escaped[0]}$` : `^(${escaped.join("|")})$`, values[0]);
}

/**
 * A rejection's status as the pact records it: `example`, behind a Pact V4 status matcher that
 * accepts every status `run` accepts for the case (src/pacts/rejection.ts).
 */
export function rejectionStatus(statuses: number[], example: number): StatusMatcher {
  if (!statuses.includes(example)) throw new Error(`${example} is not among the accepted statuses ${statuses.join(", ")}`);
  return MatchersV3.matchStatus(example, statuses);
}

/**
 * `oneOf` over every code the spec gives at `pointer` for any of `statuses` (each status's codes
 * that error_code_conformance accepts), `example` first and the not-found code left out. Pact matchers
 * cannot tie a body to the status it comes with, so a rejection's code is matched over the codes
 * of every accepted status; `run`'s error_code_conformance checks the pairing.
 */
export function rejectionCode(provider: HttpProvider, statuses: number[], pointer: string, example: string): Matcher {
  const op = deleteOperation(provider);
  const notFound = PROFILES[provider].notFound.code;
  const codes = statuses.flatMap((status) => {
    const doc = op.responses.find((r) => r.status === status);
    return doc ? documentedCodes(doc, pointer) : [];
  });
  const others = codes.filter((code) => code !== example && !(notFound?.pointer === pointer && notFound.value === code));
  return oneOf(example, ...new Set(others));
}

/** The status the mock server answers: the number, or a status matcher's example. */
export function exampleStatus(status: number | StatusMatcher): number {
  return typeof status === "number" ? status : Number(status.value);
}

/**
 * A text request body of a given media type. Pact JS 17's V4 builder offers JSON, XML, multipart
 * and binary bodies only; a binary form body is compared as bytes sniffed as text/plain, which a
 * form request never matches. The builder's core interaction takes a text body with its media
 * type (form bodies are then compared field by field), so it is used directly.
 */
function textBody(builder: object, contentType: string, text: string): void {
  const core = (builder as { interaction?: { withRequestBody?: (body: string, contentType: string) => unknown } }).interaction;
  if (typeof core?.withRequestBody !== "function") throw new Error("this Pact JS version's request builder has no text body; update textBody()");
  core.withRequestBody(text, contentType);
}

export interface InteractionRow {
  description: string;
  state?: { name: string; params: JsonMap };
  request: {
    method: string;
    path: string | Matcher;
    headers: Record<string, string | Matcher>;
    body?: { contentType: string; text: string };
  };
  response: { status: number | StatusMatcher; body?: unknown };
}

/** An interaction ready to run: `executeTest` starts the mock server and writes the pact on success. */
export interface ReadyInteraction {
  executeTest<T>(test: (mockServer: { url: string }) => Promise<T>): Promise<T | undefined>;
}

export function interaction(pact: PactV4, row: InteractionRow): ReadyInteraction {
  let unconfigured = pact.addInteraction();
  if (row.state) unconfigured = unconfigured.given(row.state.name, row.state.params);
  const { request, response } = row;
  return unconfigured
    .uponReceiving(row.description)
    .withRequest(request.method, request.path, (builder) => {
      builder.headers(request.headers);
      if (request.body) textBody(builder, request.body.contentType, request.body.text);
    })
    .willRespondWith(response.status, (builder) => {
      if (response.body !== undefined) builder.jsonBody(response.body);
    });
}
