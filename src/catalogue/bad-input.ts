/**
 * Adapters that accept input the documents rule out: one EnKash adapter per kind of
 * pattern-breaking customerId the runner generates (each skips the format check for that kind
 * only and looks the id up), a bad parentCompanyId accepted, one cut to its length before it is
 * checked or a query split on `;` (caught with the fixture's own company and more after it), and a
 * 500 for a malformed id.
 */
import { createRng } from "../cases/random.ts";
import { generateMatching } from "../cases/regex/index.ts";
import { SpecError } from "../errors.ts";
import { PROFILES } from "../profiles/index.ts";
import { DEFAULT_RUN_OPTIONS } from "../runner/options.ts";
import { baseBehaviour } from "../sandboxes/index.ts";
import { loadSpec } from "../spec/load.ts";
import type { OperationSpec, ParameterSpec } from "../spec/model.ts";
import { kindTest, patternCases } from "./pattern-kinds.ts";
import { sentPathValue, withoutQuery } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const enkash = baseBehaviour("enkash");
const cashfree = baseBehaviour("cashfree");

function enkashOperation(): OperationSpec {
  const op = loadSpec("enkash").operations.find((o) => o.operationId === PROFILES.enkash.operationId);
  if (!op) throw new SpecError("the EnKash spec has no delete operation");
  return op;
}

function parameter(op: OperationSpec, name: string): ParameterSpec {
  const param = op.parameters.find((p) => p.name === name);
  if (!param) throw new SpecError(`the EnKash spec has no parameter ${name}`);
  return param;
}

const preview = (value: string): string => JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value);

/** One adapter per pattern case the runner generates for EnKash's customerId (default seed). */
export function enkashCustomerIdAdapters(seed = DEFAULT_RUN_OPTIONS.seed): FaultyAdapter[] {
  const op = enkashOperation();
  const param = parameter(op, "customerId");
  const pattern = String(param.schema.pattern);
  const wellFormed = generateMatching(pattern, createRng(seed));
  return patternCases(op, param, seed).map(({ label, value }) => {
    const accepts = kindTest(label, pattern, [value]);
    return variant(
      {
        name: `enkash-accepts-customer-id-${label}`,
        provider: "enkash",
        departure: `skips the customerId format check for ${label} values (e.g. ${preview(value)}) and looks them up`,
        expectedCheck: "path_pattern_enforcement",
        // The lookup answers such an id not-found, which names no customer either: that a malformed
        // id gets another answer is assumed (a warning), so the departure fails under --strict.
        runOptions: { strict: true },
      },
      {
        behaviour: {
          validate(req, ctx) {
            const sent = sentPathValue(req, ctx.operation, param.name);
            if (sent === undefined || !accepts(sent)) return enkash.validate(req, ctx);
            return enkash.validate(req, { ...ctx, path: { ...ctx.path, [param.name]: wellFormed } });
          },
        },
      },
    );
  });
}

export const badInput: FaultyAdapter[] = [
  ...enkashCustomerIdAdapters(),
  variant(
    {
      name: "enkash-query-split-on-semicolon",
      provider: "enkash",
      departure: "splits the query on ; as well as &, so parentCompanyId=<a valid company>;x is read as the company and the customer deleted",
      expectedCheck: "query_pattern_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const sent = req.query.get("parentCompanyId");
        if (sent === null || !sent.includes(";")) return req;
        const query = new URLSearchParams(req.query);
        query.set("parentCompanyId", sent.split(";")[0]);
        return { ...req, query };
      },
    },
  ),
  variant(
    {
      name: "enkash-parent-company-cut-to-length",
      provider: "enkash",
      departure: "trims parentCompanyId and cuts it to its 10 characters before it checks it, and scopes the delete by it, so the customer's own company with anything after it deletes",
      expectedCheck: "query_pattern_enforcement",
    },
    () => {
      const parentOf = new Map<string, string>();
      let last: string | undefined;
      return {
        behaviour: {
          createFixture: (env, requested) => {
            const ids = enkash.createFixture(env, requested);
            last = ids[0];
            return ids;
          },
          fixtureScope: (env) => {
            const scope = enkash.fixtureScope?.(env) ?? {};
            if (last !== undefined && scope.parentCompanyId) parentOf.set(last, scope.parentCompanyId);
            return scope;
          },
          validate: (req, ctx) => {
            const sent = req.query.get("parentCompanyId");
            if (sent === null) return enkash.validate(req, ctx);
            const cut = sent.trim().slice(0, 10);
            const query = new URLSearchParams(req.query);
            query.set("parentCompanyId", cut);
            const refused = enkash.validate({ ...req, query }, ctx);
            if (refused) return refused;
            const owner = parentOf.get(ctx.path.customerId ?? "");
            return owner !== undefined && owner !== cut ? enkash.errorReply("notFound", "Customer not found") : undefined;
          },
        },
      };
    },
  ),
  variant(
    {
      name: "enkash-first-parent-company-id-only",
      provider: "enkash",
      departure: "reads only the first of several parentCompanyId values, as JAX-RS does, so a second one that breaks the pattern is never looked at (HTTP parameter pollution)",
      expectedCheck: "query_pattern_enforcement",
      // Which copy a server takes is its framework's choice: payconform judges this on an assumption.
      runOptions: { strict: true },
    },
    {
      rewriteRequest(req) {
        const first = req.query.get("parentCompanyId");
        if (first === null) return req;
        const query = new URLSearchParams(req.query);
        query.delete("parentCompanyId");
        query.set("parentCompanyId", first);
        return { ...req, query };
      },
    },
  ),
  variant(
    {
      name: "enkash-accepts-bad-parent-company-id",
      provider: "enkash",
      departure: "never checks parentCompanyId against ^CEK[A-Z0-9]{7}$ and goes on to look the customer up",
      expectedCheck: "query_pattern_enforcement",
    },
    { behaviour: { validate: (req, ctx) => enkash.validate(withoutQuery(req, "parentCompanyId"), ctx) } },
  ),
  variant(
    {
      name: "cashfree-500-for-malformed-id",
      provider: "cashfree",
      departure: "answers a malformed customer_id with 500 deletion_failed instead of the documented 400",
      expectedCheck: "not_a_server_error",
    },
    {
      behaviour: {
        validate(req, ctx) {
          const reply = cashfree.validate(req, ctx);
          if (reply?.status !== 400) return reply;
          return { status: 500, body: { message: "Customer deletion failed due to server error", code: "deletion_failed", type: "server_error" } };
        },
      },
    },
  ),
];
