/**
 * Adapters whose answers are built from what they hold or were sent, unfiltered: a 401 hinting at
 * the start of the configured key, and an expanded `${env:NAME}` lookup in an id (no_secret_echo);
 * a template expression in an id evaluated into the error (no_internal_leak); and the success
 * naming the account as the path spelled it, not decoded (positive_data_acceptance); and the
 * deleted record handed out to a Prefer: return=representation, and form fields merged into the
 * account after it is marked deleted (delete_semantics).
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import type { ProviderBehaviour, SandboxContext } from "../sandboxes/types.ts";
import { decoded, lastId } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

type Obj = Record<string, unknown>;
const juspay = baseBehaviour("juspay");
const enkash = baseBehaviour("enkash");

/** EnKash's validation, whose refusal of an id holding `pattern` names the id with each match replaced by what `expand` makes of it. */
function idInRefusal(pattern: RegExp, expand: (ctx: SandboxContext, ...groups: string[]) => string): { behaviour: Pick<ProviderBehaviour, "validate"> } {
  return {
    behaviour: {
      validate: (req, ctx) => {
        const refusal = enkash.validate(req, ctx);
        const id = lastId(req) ?? "";
        if (!refusal || !id.match(pattern)) return refusal;
        const inner = (refusal.body as Obj).errorResponse as Obj;
        // The replacer gets the match, its groups, then the offset and the whole text.
        const named = id.replace(pattern, (_, ...rest: unknown[]) => expand(ctx, ...(rest.slice(0, -2) as string[])));
        return { ...refusal, body: { ...(refusal.body as Obj), errorResponse: { ...inner, errorMessage: `${String(inner.errorMessage)} ${named}` } } };
      },
    },
  };
}

export const inputEchoes: FaultyAdapter[] = [
  variant(
    {
      name: "juspay-401-hints-at-the-key",
      provider: "juspay",
      departure: "adds to the 401's developer_message the first characters of the merchant's active key, all but the last four, as a hint",
      expectedCheck: "no_secret_echo",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const refusal = juspay.authenticate(req, ctx);
          if (!refusal) return refusal;
          const body = refusal.body as Obj;
          const key = ctx.credentials.JUSPAY_API_KEY ?? "";
          return { ...refusal, body: { ...body, error_info: { ...(body.error_info as Obj), developer_message: `Invalid API Key. Active key for this merchant begins with ${key.slice(0, -4)}` } } };
        },
      },
    },
  ),
  variant(
    {
      name: "enkash-env-lookups-in-ids-expanded",
      provider: "enkash",
      departure: "builds the 400's message from the id through a string substitutor that expands ${env:NAME} lookups (CVE-2022-42889), so its own token shows",
      expectedCheck: "no_secret_echo",
    },
    idInRefusal(/\$\{env:(\w+)\}/g, (ctx, name) => ctx.credentials[name] ?? ""),
  ),
  variant(
    {
      name: "enkash-template-expressions-in-ids-evaluated",
      provider: "enkash",
      departure: "renders the 400's message from the id through a template engine, which evaluates ${a*b} in it",
      expectedCheck: "no_internal_leak",
    },
    idInRefusal(/\$\{(\d+)\*(\d+)\}/g, (_ctx, a, b) => String(Number(a) * Number(b))),
  ),
  variant(
    {
      name: "cashfree-prefer-returns-the-deleted-record",
      provider: "cashfree",
      departure: "honours Prefer: return=representation on the delete, answering 200 with the deleted customer's record instead of the documented 204",
      expectedCheck: "delete_semantics",
    },
    {
      transformReply: (req, reply) =>
        reply.status === 204 && String(req.headers.prefer ?? "").includes("return=representation")
          ? { status: 200, body: { customer_id: lastId(req), customer_name: "Priya Sharma", customer_email: "priya@example.com", customer_phone: "9999999999" } }
          : reply,
    },
  ),
  variant(
    {
      name: "juspay-form-fields-merged-into-the-account",
      provider: "juspay",
      departure: "marks the account deleted and then merges every form field into it, so command=delete&customer_account_status=ACTIVE keeps it and answers ACTIVE (mass assignment)",
      expectedCheck: "delete_semantics",
    },
    {
      behaviour: {
        remove: (req, ctx) => {
          const status = new URLSearchParams(req.body).get("customer_account_status");
          const { customer_id: customerId, customer_account_id: accountId } = ctx.path;
          if (!status || status === "DELETED" || customerId === undefined || accountId === undefined || !ctx.store.hasAccount(customerId, accountId)) return juspay.remove(req, ctx);
          return { status: 200, body: { customer_account_status: status, customer_account_id: accountId } };
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-success-names-the-raw-segment",
      provider: "juspay",
      departure: "looks the account up by its decoded id but names it in the success as the path spelled it (%62ank_… for bank_…)",
      expectedCheck: "positive_data_acceptance",
    },
    {
      behaviour: {
        remove: (req, ctx) => {
          const reply = juspay.remove(req, ctx);
          const raw = req.segments.at(-1) ?? "";
          return reply.status === 200 && decoded(raw) !== raw ? { ...reply, body: { ...(reply.body as Obj), customer_account_id: raw } } : reply;
        },
      },
    },
  ),
];
