/**
 * Checks on an interaction's response: the status (and every status a V4 status matcher
 * accepts) is documented for the operation, the body's
 * media type is the documented one (or there is no body where the doc says it is empty), and
 * the body validates against that status's schema.
 */
import { responseFor } from "../../spec/model.ts";
import { ajvProblems } from "./ajv-problems.ts";
import type { PactCheck, Problem } from "./model.ts";

/** The status is documented, and so is every status a V4 status matcher lists. */
export const responseStatusDocumented: PactCheck = (ctx) => {
  const { status, accepted } = ctx.interaction.response;
  const documented = ctx.op.responses.map((r) => r.status).join(", ");
  const problems: Problem[] = [];
  if (!responseFor(ctx.op, status)) {
    problems.push({ path: `${ctx.interaction.base}.response.status`, message: `status ${status} is not documented for ${ctx.op.method} ${ctx.op.path} (documented: ${documented})` });
  }
  const undocumented = Array.isArray(accepted) ? accepted.filter((s) => !responseFor(ctx.op, s)) : [];
  if (undocumented.length > 0) {
    problems.push({ path: `${ctx.interaction.base}.response.matchingRules.status`, message: `the status matcher accepts ${undocumented.join(", ")}, not documented for ${ctx.op.method} ${ctx.op.path} (documented: ${documented})` });
  }
  return problems;
};

export const responseContentType: PactCheck = (ctx) => {
  const { response, base } = ctx.interaction;
  const documented = responseFor(ctx.op, response.status);
  const body = response.body;
  if (!documented || !body || body.value === "") return [];
  if (documented.contentType === undefined) {
    return [{ path: body.path, message: `status ${response.status} is documented with an empty body ("${documented.description}"), the interaction has one` }];
  }
  const type = (body.contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "" || type === documented.contentType.toLowerCase()) return [];
  return [{ path: `${base}.response.body`, message: `the ${response.status} body is ${body.contentType}, documented is ${documented.contentType}` }];
};

export const responseBodySchema: PactCheck = (ctx) => {
  const { response } = ctx.interaction;
  const documented = responseFor(ctx.op, response.status);
  const body = response.body;
  if (!documented?.schema || !body || typeof body.value === "string") return [];
  const validate = ctx.validator(documented.schema);
  return validate(body.value) ? [] : ajvProblems(body.path, validate.errors, `the ${response.status} body`);
};
