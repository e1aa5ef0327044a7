/**
 * Allowed answers and fixture sources the documents leave room for: EnKash's 200 sent as the
 * page's own example verbatim, its errorResponse.timestamp the pattern yyyy-MM-dd HH:mm:ss
 * itself; EnKash's 401 with the errorType INVALID_ACCESS (an enum value the doc maps to no
 * status); a Cashfree fixture source that hands out the lowest free id of a merchant-style
 * sequence (cust_acme_0001, the id of a customer deleted before given to the next one); and an
 * EnKash fixture source that names no parentCompanyId beside the id.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { responseFor } from "../spec/model.ts";
import { isObject } from "./request-view.ts";
import { allowed, type AllowedVariant } from "./types.ts";

const enkash = baseBehaviour("enkash");
const cashfree = baseBehaviour("cashfree");

/** The n-th id of a merchant's own numbering. */
const merchantId = (n: number): string => `cust_acme_${String(n).padStart(4, "0")}`;

export const EXAMPLES_AND_FIXTURE_SOURCES: readonly AllowedVariant[] = [
  allowed(
    {
      name: "enkash-success-with-example-timestamp",
      provider: "enkash",
      choice: "answers a delete's 200 with the page's example body verbatim, errorResponse.timestamp \"yyyy-MM-dd HH:mm:ss\" (the pattern itself) included",
      documents: "the page gives this very body as the 200's example, and says the 200 envelope may carry an errorResponse",
      mayWarn: [],
    },
    {
      behaviour: {
        remove: (req, ctx) => {
          const reply = enkash.remove(req, ctx);
          const example = responseFor(ctx.operation, 200)?.examples[0];
          return reply.status === 200 && example !== undefined ? { ...reply, body: example } : reply;
        },
      },
    },
  ),
  allowed(
    {
      name: "enkash-invalid-access-on-401",
      provider: "enkash",
      choice: "answers a request without a valid token 401 with errorResponse.errorType INVALID_ACCESS",
      documents: "INVALID_ACCESS is one of errorType's documented values; the page lists the 401 without a body and maps no errorType to any status",
      mayWarn: [],
    },
    {
      behaviour: {
        errorReply: (kind, detail) => {
          const reply = enkash.errorReply(kind, detail);
          if (kind !== "unauthorized" || !isObject(reply.body) || !isObject(reply.body.errorResponse)) return reply;
          return { ...reply, body: { ...reply.body, errorResponse: { ...reply.body.errorResponse, errorType: "INVALID_ACCESS" } } };
        },
      },
    },
  ),
  allowed(
    {
      name: "cashfree-freed-ids-handed-out-again",
      provider: "cashfree",
      choice: "its fixture source hands out the lowest free id of a merchant's own sequence (cust_acme_0001, cust_acme_0002, …), so the id of a customer deleted before goes to the next one",
      documents: "customer_id is the merchant's own identifier (the doc's example is cust_priya_sharma_2024) and the doc says only that it is unique, not that a deleted one is never used again",
      mayWarn: [],
    },
    {
      behaviour: {
        createFixture: (env, [customerId]) => {
          if (customerId !== undefined) return cashfree.createFixture(env, [customerId]);
          let n = 1;
          while (env.store.hasCustomer(merchantId(n))) n++;
          return cashfree.createFixture(env, [merchantId(n)]);
        },
      },
    },
  ),
  allowed(
    {
      name: "enkash-fixtures-without-parent-company",
      provider: "enkash",
      choice: "its fixture source names only the customerId of each fixture, no parentCompanyId beside it",
      documents: "parentCompanyId is an optional query parameter (required: false); a delete by customerId alone is documented",
      mayWarn: [],
    },
    { behaviour: { fixtureScope: () => ({}) } },
  ),
];
