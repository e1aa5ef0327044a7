/**
 * Adapters whose credential check can be got round while every credential sent wrong or left out
 * is still refused: keys compared as a set rather than by header, keys taken from the query string
 * when the headers are absent, a token checked only after the delete has run, and a router that
 * lets the path with a trailing slash past the check. Caught by auth_enforcement (the swapped and
 * in-query cases, and the refusals against a fixture). And one that validates a request before it
 * looks at the credentials, which tells a caller without them what a valid request is (assumed,
 * so judged with --strict). And EnKash letting a request naming a parentCompanyId through,
 * routing by X-Original-URL past a guard on the request line, and taking the token from a form
 * body's access_token (the refusals against a fixture and the in-body case). And Cashfree naming
 * an existing customer in the 401, or carrying its ETag and Last-Modified (existence oracles,
 * assumed, so judged with --strict).
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import type { ProviderBehaviour, SandboxReply } from "../sandboxes/types.ts";
import { withHeader, withValidCredentials } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const juspay = baseBehaviour("juspay");
const yuno = baseBehaviour("yuno");
const cashfree = baseBehaviour("cashfree");
const enkash = baseBehaviour("enkash");

export const authBypasses: FaultyAdapter[] = [
  variant(
    {
      name: "enkash-parent-company-skips-auth",
      provider: "enkash",
      departure: "lets a request naming a well-formed parentCompanyId through without the token (a partner filter that trusts it)",
      expectedCheck: "auth_enforcement",
    },
    { behaviour: { authenticate: (req, ctx) => (/^CEK[A-Z0-9]{7}$/.test(req.query.get("parentCompanyId") ?? "") ? undefined : enkash.authenticate(req, ctx)) } },
  ),
  variant(
    {
      name: "enkash-routes-by-x-original-url",
      provider: "enkash",
      departure: "routes by X-Original-URL while its token check guards only request lines under /api/, so a request to / naming the path there deletes without the token",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const original = req.headers["x-original-url"];
        if (typeof original !== "string" || !original.startsWith("/")) return req;
        const [path, query = ""] = original.split("?");
        return withValidCredentials({ ...req, rawUrl: original, segments: path.split("/").slice(1), query: new URLSearchParams(query) }, env);
      },
    },
  ),
  variant(
    {
      name: "enkash-token-from-form-body",
      provider: "enkash",
      departure: "takes the token from a form body's access_token when no Authorization header is sent (RFC 6750 §2.2, on a DELETE)",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const token = req.headers.authorization === undefined ? new URLSearchParams(req.body).get("access_token") : null;
          return enkash.authenticate(token === null ? req : withHeader(req, "authorization", `Bearer ${token}`), ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-validates-before-auth",
      provider: "juspay",
      departure: "checks x-routing-id and the body before the API key, so a request without credentials and without a body gets 400, not 401",
      expectedCheck: "auth_enforcement",
      runOptions: { strict: true },
    },
    { behaviour: { authenticate: (req, ctx) => juspay.validate(req, ctx) ?? juspay.authenticate(req, ctx) } },
  ),
  variant(
    {
      name: "cashfree-401-names-an-existing-customer",
      provider: "cashfree",
      departure: "looks the customer up before it refuses a request without credentials, and names the customer in the 401's message when it exists (an existence oracle; that the refusal is alike either way is assumed)",
      expectedCheck: "auth_enforcement",
      runOptions: { strict: true },
    },
    refusingExistingOtherwise((refusal, id) => {
      const body = refusal.body as Record<string, unknown>;
      return { ...refusal, body: { ...body, message: `${String(body.message)} for customer ${id}` } };
    }),
  ),
  variant(
    {
      name: "cashfree-401-carries-the-customer-validators",
      provider: "cashfree",
      departure: "computes ETag and Last-Modified from the customer before it refuses a request without credentials, so a 401 carries them only where the customer exists (an existence oracle; that the refusal is alike either way is assumed)",
      expectedCheck: "auth_enforcement",
      runOptions: { strict: true },
    },
    refusingExistingOtherwise((refusal, id) => ({ ...refusal, headers: { ...refusal.headers, etag: `"${Buffer.from(id).toString("hex").slice(0, 16)}"`, "last-modified": "Tue, 01 Dec 2026 10:00:00 GMT" } })),
  ),
  variant(
    {
      name: "yuno-keys-checked-as-a-set",
      provider: "yuno",
      departure: "accepts the two API keys in either header (compares the set of values, not each header's), so public-api-key may carry the secret key",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const [pub, secret] = [ctx.credentials.YUNO_PUBLIC_API_KEY, ctx.credentials.YUNO_PRIVATE_SECRET_KEY];
          const swapped = req.headers["public-api-key"] === secret && req.headers["private-secret-key"] === pub;
          return yuno.authenticate(swapped ? withHeader(withHeader(req, "public-api-key", pub), "private-secret-key", secret) : req, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "cashfree-credentials-from-query",
      provider: "cashfree",
      departure: "takes x-client-id and x-client-secret from the query string when the headers are absent (credentials in URLs end up in logs)",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          let sent = req;
          for (const name of ["x-client-id", "x-client-secret"]) {
            const fromQuery = req.query.get(name);
            if (sent.headers[name] === undefined && fromQuery !== null) sent = withHeader(sent, name, fromQuery);
          }
          return cashfree.authenticate(sent, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "enkash-token-checked-after-delete",
      provider: "enkash",
      departure: "lets any Authorization header through, deletes, and only then checks the token and answers 401: a wrong token deletes the customer",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => (req.headers.authorization ? undefined : enkash.authenticate(req, ctx)),
        remove: (req, ctx) => {
          const reply = enkash.remove(req, ctx);
          return enkash.authenticate(req, ctx) ?? reply;
        },
      },
    },
  ),
  variant(
    {
      name: "enkash-trailing-slash-skips-auth",
      provider: "enkash",
      departure: "guards only /customer/{customerId} exactly, while its router also takes /customer/{customerId}/: with the slash, no token is asked for",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        if (req.segments.length < 2 || req.segments.at(-1) !== "") return req;
        return withValidCredentials({ ...req, segments: req.segments.slice(0, -1) }, env);
      },
    },
  ),
];

/** Cashfree's refusal of a request without valid credentials, changed by `change` where the path names a customer that exists (an existence oracle). */
function refusingExistingOtherwise(change: (refusal: SandboxReply, id: string) => SandboxReply): { behaviour: Pick<ProviderBehaviour, "authenticate"> } {
  return {
    behaviour: {
      authenticate: (req, ctx) => {
        const refusal = cashfree.authenticate(req, ctx);
        const id = ctx.path.customer_id;
        return !refusal || id === undefined || !ctx.store.hasCustomer(id) ? refusal : change(refusal, id);
      },
    },
  };
}
