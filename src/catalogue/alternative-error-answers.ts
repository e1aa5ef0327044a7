/**
 * Allowed error answers: another documented status or code for an error, error bodies with more
 * than the doc lists, error bodies spelled or labelled as another part of the doc has them, a 401
 * that names the kind of token wanted.
 */
import { randomHex } from "../sandboxes/ids.ts";
import { baseBehaviour, startSandbox } from "../sandboxes/index.ts";
import { jsonReply } from "../sandboxes/replies.ts";
import type { ErrorKind, SandboxEnv, SandboxReply } from "../sandboxes/types.ts";
import type { HttpProvider } from "../providers.ts";
import { isObject, lastId, validatingFirst } from "./request-view.ts";
import { allowed, type AllowedVariant } from "./types.ts";

type Obj = Record<string, unknown>;

const yuno = baseBehaviour("yuno");
const enkash = baseBehaviour("enkash");

/** An errorReply step answering `kind` with `reply` and every other kind as the provider does. */
function answering(provider: HttpProvider, kind: ErrorKind, reply: (detail: string) => SandboxReply) {
  const base = baseBehaviour(provider);
  return { errorReply: (k: ErrorKind, detail: string) => (k === kind ? reply(detail) : base.errorReply(k, detail)) };
}

/** Every JSON object answer gains fields the doc does not list. */
function extraFields(provider: HttpProvider): AllowedVariant {
  return allowed(
    {
      name: `${provider}-extra-fields`,
      provider,
      choice: "adds fields the doc does not list (trace_id, _links) to every JSON body",
      documents: "no documented schema forbids additional properties",
      mayWarn: [],
    },
    { transformReply: (_req, reply) => (isObject(reply.body) ? { ...reply, body: { ...reply.body, trace_id: "tr_0001", _links: { self: { href: "/" } } } } : reply) },
  );
}

const LOWERCASE_TO_TABLE: Readonly<Record<string, string>> = { user_message: "User_message", developer_message: "Developer_message", category: "Category" };

export const ERROR_ANSWERS: readonly AllowedVariant[] = [
  allowed(
    {
      name: "cashfree-names-the-app-id",
      provider: "cashfree",
      choice: "names the caller's own App ID back in an X-Client-App-Id header on every answer to authenticated credentials",
      documents: "the doc calls x-client-id the client app ID, found in the dashboard, and only x-client-secret the secret key",
      mayWarn: ["no_secret_echo"],
    },
    {
      transformReply: (req, reply) => {
        const id = req.headers["x-client-id"];
        return reply.status === 401 || typeof id !== "string" ? reply : { ...reply, headers: { ...reply.headers, "x-client-app-id": id } };
      },
    },
  ),
  {
    name: "enkash-401-names-the-token-format",
    provider: "enkash",
    choice: "says in its 401 what a sandbox token looks like, its type prefix and an ellipsis (enk_tok_…), the same text for every caller",
    documents: "the 401 is listed without a body; a token's type prefix names a kind of token, not the token",
    mayWarn: [],
    start: () =>
      startSandbox("enkash", {
        credentials: { ENKASH_ACCESS_TOKEN: `enk_tok_${randomHex(16)}` },
        transformReply: (_req, reply) => {
          const body = reply.body;
          if (reply.status !== 401 || !isObject(body) || !isObject(body.errorResponse)) return reply;
          return { ...reply, body: { ...body, errorResponse: { ...body.errorResponse, errorMessage: "Full authentication is required; sandbox tokens look like enk_tok_…" } } };
        },
      }),
  },
  allowed(
    {
      name: "enkash-error-fields-null",
      provider: "enkash",
      choice: "writes the envelope fields an error leaves empty as null (payload, response_message, apiSubErrors), as Jackson does by default",
      documents: "the page documents no error bodies; the envelope on an error status, and its types there, are assumed",
      mayWarn: ["response_schema_conformance"],
    },
    {
      transformReply: (_req, reply) => {
        const body = reply.body;
        if (reply.status < 400 || !isObject(body) || !isObject(body.errorResponse)) return reply;
        return { ...reply, body: { ...body, payload: null, response_message: null, errorResponse: { ...body.errorResponse, apiSubErrors: null } } };
      },
    },
  ),
  allowed(
    {
      name: "yuno-401-for-bad-credentials",
      provider: "yuno",
      choice: "answers missing or wrong credentials with 401 instead of 400 INVALID_REQUEST",
      documents: "two security headers are required, yet no 401 is documented (a recorded contradiction); a 401 is an undocumented 4xx",
      mayWarn: ["auth_enforcement", "status_code_conformance"],
    },
    { behaviour: answering("yuno", "unauthorized", (detail) => jsonReply(401, { code: "UNAUTHORIZED", messages: [detail] })) },
  ),
  allowed(
    {
      name: "enkash-422-for-malformed-id",
      provider: "enkash",
      choice: "answers a customerId or parentCompanyId that breaks its pattern with 422 VALIDATION_ERROR instead of 400",
      documents: "422 Unprocessable Request is a documented status; which errorType goes with which status is assumed",
      mayWarn: ["error_code_conformance"],
    },
    {
      behaviour: answering("enkash", "invalidId", (detail) => {
        const reply = enkash.errorReply("invalidId", detail);
        const body = reply.body as Obj;
        return { ...reply, status: 422, body: { ...body, response_code: 422, response_message: "Unprocessable Request" } };
      }),
    },
  ),
  ...(["juspay", "yuno", "cashfree", "enkash"] as const).map(extraFields),
  allowed(
    {
      name: "juspay-error-info-as-in-the-field-table",
      provider: "juspay",
      choice: "spells error_info's fields User_message, Developer_message, Category, as the field table does, not as the samples do",
      documents: "the field table and the samples disagree (a recorded contradiction); the lowercase names and their presence are assumed",
      mayWarn: ["response_schema_conformance"],
    },
    {
      transformReply: (_req, reply) =>
        isObject(reply.body) && isObject(reply.body.error_info)
          ? { ...reply, body: { ...reply.body, error_info: Object.fromEntries(Object.entries(reply.body.error_info).map(([k, v]) => [LOWERCASE_TO_TABLE[k] ?? k, v])) } }
          : reply,
    },
  ),
  allowed(
    {
      name: "yuno-not-found-code-from-the-schema-example",
      provider: "yuno",
      choice: "answers an unknown customer with 400 code NOT_FOUND, the schema's property example, instead of the named example's CUSTOMER_NOT_FOUND",
      documents: "the document gives both (a recorded contradiction); payconform chose CUSTOMER_NOT_FOUND, and a code no example of the status gives is a warning; a 400 without CUSTOMER_NOT_FOUND to a valid request cannot be told from a refusal",
      mayWarn: ["error_code_conformance", "delete_semantics", "positive_data_acceptance"],
    },
    { behaviour: answering("yuno", "notFound", (detail) => jsonReply(400, { code: "NOT_FOUND", messages: [detail] })) },
  ),
  allowed(
    {
      name: "enkash-timestamps-in-india-time",
      provider: "enkash",
      choice: "writes errorResponse.timestamp in India's time (UTC+05:30) instead of UTC",
      documents: "the page gives the form yyyy-MM-dd HH:mm:ss and no zone; EnKash is an Indian provider",
      mayWarn: [],
    },
    {
      transformReply: (_req, reply) => {
        const body = reply.body;
        const inner = isObject(body) ? body.errorResponse : undefined;
        if (!isObject(body) || !isObject(inner) || typeof inner.timestamp !== "string") return reply;
        const india = new Date(Date.parse(`${inner.timestamp.replace(" ", "T")}Z`) + 330 * 60_000).toISOString().slice(0, 19).replace("T", " ");
        return { ...reply, body: { ...body, errorResponse: { ...inner, timestamp: india } } };
      },
    },
  ),
  allowed(
    {
      name: "enkash-400-for-malformed-bearer-tokens",
      provider: "enkash",
      choice: "answers 400 VALIDATION_ERROR to a bearer token outside RFC 6750's b64token syntax (in quotes, with a space, a %, a byte outside ASCII); a well-formed wrong token still gets 401",
      documents: "the page lists 400 and 401 without saying which applies; RFC 6750 §3.1 answers a malformed request 400 (invalid_request)",
      mayWarn: ["auth_enforcement"],
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const value = req.headers.authorization;
          // `Bearer 1*SP b64token` (RFC 6750 §2.1): any number of spaces after the scheme word.
          const token = typeof value === "string" ? /^Bearer +(.*)$/is.exec(value)?.[1] : undefined;
          if (token !== undefined && !/^[A-Za-z0-9\-._~+/]+=*$/.test(token)) return enkash.errorReply("invalidRequest", "The bearer token is malformed");
          return enkash.authenticate(req, ctx);
        },
      },
    },
  ),
  allowed(
    {
      name: "yuno-account-code-in-error-bodies",
      provider: "yuno",
      choice: "adds the request's x-account-code as account_id to every error body",
      documents: "x-account-code is the account_id shown in the Yuno Dashboard, a header parameter, not one of the security schemes' keys; error bodies may carry extra fields",
      mayWarn: [],
    },
    { transformReply: (req, reply) => (reply.status >= 400 && isObject(reply.body) ? { ...reply, body: { ...reply.body, account_id: String(req.headers["x-account-code"] ?? "") } } : reply) },
  ),
  allowed(
    {
      name: "enkash-422-for-a-parent-company-it-does-not-know",
      provider: "enkash",
      choice: "answers 422 UNPROCESSABLE_REQUEST to a well-formed parentCompanyId that names no company of the caller's (none but those of the customers it set up)",
      documents: "the page gives parentCompanyId a pattern and nothing of its meaning, and lists 422 and UNPROCESSABLE_REQUEST",
      mayWarn: ["positive_data_acceptance"],
    },
    () => {
      const companies = new Set<string>();
      const unknown = validatingFirst("enkash", (req) => {
        const parent = req.query.get("parentCompanyId");
        return parent !== null && /^CEK[A-Z0-9]{7}$/.test(parent) && !companies.has(parent) ? { status: 422, body: { errorResponse: { errorMessage: "Unknown parent company", errorType: "UNPROCESSABLE_REQUEST" }, response_code: 422, response_message: "Unprocessable Request" } } : undefined;
      });
      const fixtureScope = (env: SandboxEnv) => {
        const scope = enkash.fixtureScope?.(env) ?? {};
        if (scope.parentCompanyId) companies.add(scope.parentCompanyId);
        return scope;
      };
      return { behaviour: { ...unknown.behaviour, fixtureScope } };
    },
  ),
  allowed(
    {
      name: "yuno-invalid-request-for-unknown-account",
      provider: "yuno",
      choice: "answers a delete through an x-account-code it never issued with 400 CUSTOMER_NOT_FOUND instead of INVALID_REQUEST",
      documents: "both are documented 400 answers; the customer does not exist for that account; comparing the code as text, it takes the configured code in upper case for another account, where reading it as the same UUID (RFC 9562) is assumed",
      mayWarn: ["positive_data_acceptance"],
    },
    validatingFirst("yuno", (req, ctx) => {
      const code = req.headers["x-account-code"];
      const foreign = typeof code === "string" && ctx.checks.parameter("x-account-code", code) && code !== ctx.credentials.YUNO_ACCOUNT_CODE;
      return foreign ? yuno.errorReply("notFound", "Customer not found.") : undefined;
    }),
  ),
  allowed(
    {
      name: "juspay-errors-labelled-plaintext",
      provider: "juspay",
      choice: "sends its JSON error bodies labelled text/plain",
      documents: "the page labels its 401 and 404 samples plaintext (a recorded contradiction); application/json is assumed",
      mayWarn: ["content_type_conformance"],
    },
    { transformReply: (_req, reply) => (reply.status >= 400 && isObject(reply.body) ? { ...reply, headers: { ...reply.headers, "content-type": "text/plain" }, body: JSON.stringify(reply.body) } : reply) },
  ),
  allowed(
    {
      name: "cashfree-not-found-names-the-id",
      provider: "cashfree",
      choice: "names the requested id in every 404's message (Customer <id> not found), for a deleted customer and one that never existed alike",
      documents: "the 404's message is free text (the example's wording is an example); naming the id the caller sent tells it nothing new",
      mayWarn: [],
    },
    {
      transformReply: (req, reply) => {
        const id = lastId(req);
        if (reply.status !== 404 || !isObject(reply.body) || id === undefined) return reply;
        return { ...reply, body: { ...reply.body, message: `Customer ${id} not found` } };
      },
    },
  ),
];
