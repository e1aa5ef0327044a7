/**
 * Allowed ways of keeping what was deleted and of answering ids spelled another way: EnKash
 * refusing a repeat delete with its documented 422, Yuno redirecting ids with percent-encoded
 * unreserved characters to their normalised spelling, and Juspay serving Get Customer Account
 * with a deleted account kept as DELETED.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { accountHeadersMatch, credentialsMatch } from "../sandboxes/auth.ts";
import { badRequiredHeader, jsonReply, plainTimestamp, requestId } from "../sandboxes/replies.ts";
import { route } from "../sandboxes/router.ts";
import { sendReply } from "../sandboxes/server.ts";
import { allowed, type AllowedVariant } from "./types.ts";

const enkash = baseBehaviour("enkash");
const yuno = baseBehaviour("yuno");
const juspay = baseBehaviour("juspay");

/** A percent-encoded unreserved character (RFC 3986 §2.3), which §6.2.2.2 normalisation decodes. */
const ENCODED_UNRESERVED = /%(?:[46][1-9A-F]|[57][0-9A]|3[0-9]|2D|2E|5F|7E)/gi;

/** The positions of the path template's variables among the segments after the base path. */
function variablePositions(path: string): number[] {
  return path
    .split("/")
    .slice(1)
    .flatMap((segment, i) => (segment.startsWith("{") && segment.endsWith("}") ? [i] : []));
}

export const KEPT_AND_REDIRECTED: readonly AllowedVariant[] = [
  allowed(
    {
      name: "enkash-repeat-delete-unprocessable",
      provider: "enkash",
      choice: "answers a delete of a customer it already deleted 422 UNPROCESSABLE_REQUEST (Customer is already deleted), in its envelope; an id that never existed still gets 404",
      documents: "the doc lists 422 Unprocessable Request among the delete's answers and does not say what a repeat delete gets",
      mayWarn: ["delete_semantics", "positive_data_acceptance", "error_code_conformance"],
    },
    () => {
      const deleted = new Set<string>();
      return {
        behaviour: {
          remove(req, ctx) {
            const [customerId] = Object.values(ctx.path);
            if (customerId !== undefined && deleted.has(customerId)) {
              const errorResponse = { errorMessage: "Customer is already deleted", errorType: "UNPROCESSABLE_REQUEST", requestId: requestId(), timestamp: plainTimestamp() };
              return jsonReply(422, { errorResponse, response_code: 422, response_message: "Unprocessable Request" });
            }
            const reply = enkash.remove(req, ctx);
            if (customerId !== undefined && reply.status === 200) deleted.add(customerId);
            return reply;
          },
        },
      };
    },
  ),
  allowed(
    {
      name: "yuno-redirects-encoded-unreserved-ids",
      provider: "yuno",
      choice: "answers a delete whose path ids hold percent-encoded unreserved characters (%61 for a) with 308 and Location the normalised path, once the credentials pass, acting on nothing",
      documents: "those ids are the same ids spelled another way (RFC 3986 §2.3); normalising them (§6.2.2.2) and redirecting to the canonical spelling (RFC 9110 §15.4.9) is the server's choice, and the redirect deletes nothing",
      mayWarn: ["status_code_conformance", "delete_semantics", "positive_data_acceptance"],
    },
    {
      behaviour: {
        validate(req, ctx) {
          if (badRequiredHeader(req, ctx) || !accountHeadersMatch(req, ctx)) return yuno.validate(req, ctx);
          const positions = variablePositions(ctx.operation.path);
          if (!positions.some((i) => new RegExp(ENCODED_UNRESERVED.source, "i").test(req.segments[i] ?? ""))) return yuno.validate(req, ctx);
          const at = req.rawUrl.indexOf("?");
          const pathname = at === -1 ? req.rawUrl : req.rawUrl.slice(0, at);
          const rest = `/${req.segments.join("/")}`;
          const base = pathname.slice(0, pathname.length - rest.length);
          const normalised = req.segments.map((s, i) => (positions.includes(i) ? s.replace(ENCODED_UNRESERVED, (e) => String.fromCharCode(parseInt(e.slice(1), 16))) : s));
          return { status: 308, headers: { location: `${base}/${normalised.join("/")}${at === -1 ? "" : req.rawUrl.slice(at)}` } };
        },
      },
    },
  ),
  allowed(
    {
      name: "juspay-get-account-kept-as-deleted",
      provider: "juspay",
      choice: "serves GET on the account's path (Get Customer Account) and keeps a deleted account with customer_account_status DELETED: the GET answers 200 with that status, and a repeat delete 200 DELETED",
      documents: "Juspay documents Get Customer Account, a GET on the same path, on another page; the success reports customer_account_status DELETED, a status an account may keep, and the page does not say what a repeat delete gets",
      mayWarn: ["delete_semantics", "unsupported_method"],
    },
    () => {
      const deleted = new Set<string>();
      const key = (customerId: string, accountId: string) => JSON.stringify([customerId, accountId]);
      return {
        rawResponse: (req, res, env) => {
          if (req.method !== "GET") return false;
          const match = route(env.operation, env.operation.method, req.segments);
          const ids = match.kind === "match" ? match.path : {};
          const { customer_id: customerId, customer_account_id: accountId } = ids;
          const known = customerId !== undefined && accountId !== undefined;
          const status = !known ? undefined : env.store.hasAccount(customerId, accountId) ? "ACTIVE" : deleted.has(key(customerId, accountId)) ? "DELETED" : undefined;
          if (!credentialsMatch(req, { ...env, path: ids })) sendReply(res, juspay.errorReply("unauthorized", "Invalid API Key."));
          else if (status === undefined) sendReply(res, juspay.errorReply("notFound", "Customer account not found."));
          else sendReply(res, jsonReply(200, { customer_account_id: accountId, customer_id: customerId, customer_account_status: status }));
          return true;
        },
        behaviour: {
          remove(req, ctx) {
            const { customer_id: customerId, customer_account_id: accountId } = ctx.path;
            if (customerId !== undefined && accountId !== undefined && deleted.has(key(customerId, accountId))) return jsonReply(200, { customer_account_status: "DELETED", customer_account_id: accountId });
            const reply = juspay.remove(req, ctx);
            if (customerId !== undefined && accountId !== undefined && reply.status === 200) deleted.add(key(customerId, accountId));
            return reply;
          },
        },
      };
    },
  ),
];
