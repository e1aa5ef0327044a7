/**
 * Checks on an interaction's response: the status is documented for the operation, the body's
 * media type is the documented one (or there is no body where the doc says it is empty), and
 * the body validates against that status's schema.
 */
import { responseFor } from "../../spec/model.ts";
import { ajvProblems } from "./ajv-problems.ts";
import type { PactCheck } from "./model.ts";

export const responseStatusDocumented: PactCheck = (ctx) => {
  const { status } = ctx.interaction.response;
  if (responseFor(ctx.op, status)) return [];
  const documented = ctx.op.responses.map((r) => r.status).join(", ");
  return [{ path: `${ctx.interaction.base}.response.status`, message: `status ${status} is not documented for ${ctx.op.method} ${ctx.op.path} (documented: ${documented})` }];
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
