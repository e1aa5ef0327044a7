/**
 * Checks on an interaction's request: the documented patterns of path, query and header
 * parameters, the credentials the security schemes require, and the request body schema.
 */
import { SpecError } from "../../errors.ts";
import { createRng } from "../../cases/random.ts";
import { generateMatching } from "../../cases/regex/index.ts";
import { ajvProblems } from "./ajv-problems.ts";
import type { CheckContext, PactCheck, Problem } from "./model.ts";
import { matchTemplate } from "./route.ts";

/** Values drawn from a path matcher's regex to see whether it admits undocumented ids. */
const MATCHER_SAMPLES = 8;

export const pathParameterPattern: PactCheck = (ctx) =>
  ctx.op.parameters
    .filter((p) => p.in === "path")
    .flatMap((p) => valueProblems(ctx, p.schema, ctx.pathParams[p.name], `${ctx.interaction.base}.request.path`, `path parameter ${p.name} ${JSON.stringify(ctx.pathParams[p.name])}`));

/** A regex on the path must admit only paths whose parameters fit the documented patterns. */
export const pathMatcherWithinSpec: PactCheck = (ctx) => {
  const regex = ctx.interaction.pathRegex;
  if (regex === undefined) return [];
  const rng = createRng(1);
  for (let i = 0; i < MATCHER_SAMPLES; i++) {
    let sample: string;
    try {
      sample = generateMatching(regex, rng);
    } catch (error) {
      if (error instanceof SpecError) return [];
      throw error;
    }
    const params = matchTemplate(ctx.op.path, sample);
    const broken = params && ctx.op.parameters.find((p) => p.in === "path" && !ctx.validator(p.schema)(params[p.name]));
    if (!params || broken) {
      const why = params ? `path parameter ${broken!.name} breaks its documented schema` : `it does not fit ${ctx.op.path}`;
      return [{ path: `${ctx.interaction.base}.request.matchingRules.path`, message: `the path matcher ${JSON.stringify(regex)} admits ${JSON.stringify(sample)}, but ${why}` }];
    }
  }
  return [];
};

export const queryParameterPattern: PactCheck = (ctx) => {
  const { query, base } = ctx.interaction;
  const documented = ctx.op.parameters.filter((p) => p.in === "query");
  const problems: Problem[] = Object.keys(query)
    .filter((name) => !documented.some((p) => p.name === name))
    .map((name) => ({ path: `${base}.request.query[${JSON.stringify(name)}]`, message: `query parameter ${name} is not documented` }));
  for (const p of documented) {
    const values = query[p.name] ?? [];
    const at = `${base}.request.query[${JSON.stringify(p.name)}]`;
    if (values.length === 0 && p.required) problems.push({ path: at, message: `required query parameter ${p.name} is missing` });
    for (const value of values) problems.push(...valueProblems(ctx, p.schema, value, at, `query parameter ${p.name} ${JSON.stringify(value)}`));
  }
  return problems;
};

export const headerParameterPattern: PactCheck = (ctx) => {
  const { headers, base } = ctx.interaction;
  return ctx.op.parameters
    .filter((p) => p.in === "header")
    .flatMap((p) => {
      const values = headers[p.name.toLowerCase()] ?? [];
      const at = `${base}.request.headers[${JSON.stringify(p.name)}]`;
      if (values.length === 0) return p.required ? [{ path: at, message: `required header ${p.name} is missing` }] : [];
      return values.flatMap((value) => valueProblems(ctx, p.schema, value, at, `header ${p.name} ${JSON.stringify(value)}`));
    });
};

/** Every security scheme the operation requires is present (the value itself is a placeholder). */
export const credentialsPresent: PactCheck = (ctx) => {
  const { headers, base } = ctx.interaction;
  return ctx.op.security.flatMap((scheme) => {
    const name = scheme.type === "apiKey" ? String(scheme.headerName).toLowerCase() : "authorization";
    const value = headers[name]?.[0];
    const ok = value !== undefined && (scheme.type === "apiKey" || value.toLowerCase().startsWith(`${scheme.scheme} `));
    return ok ? [] : [{ path: `${base}.request.headers`, message: `the operation requires ${scheme.name} (${scheme.type === "apiKey" ? `header ${scheme.headerName}` : `Authorization: ${scheme.scheme}`}), which this successful request lacks` }];
  });
};

export const requestBodySchema: PactCheck = (ctx) => {
  const { body, base } = ctx.interaction;
  const documented = ctx.op.requestBody;
  if (!documented) {
    return body && body.value !== "" ? [{ path: body.path, message: `${ctx.op.method} ${ctx.op.path} documents no request body` }] : [];
  }
  if (!body) return documented.required ? [{ path: `${base}.request`, message: `the request body (${documented.contentType}) is required but the interaction has none` }] : [];
  const type = (body.contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type !== documented.contentType.toLowerCase()) {
    return [{ path: body.path, message: `the request body is ${body.contentType ?? "of no media type"}, documented is ${documented.contentType}` }];
  }
  const validate = ctx.validator(documented.schema);
  return validate(body.value) ? [] : ajvProblems(body.path, validate.errors, "request body");
};

function valueProblems(ctx: CheckContext, schema: Record<string, unknown>, value: string | undefined, at: string, what: string): Problem[] {
  if (value === undefined) return [];
  const validate = ctx.validator(schema);
  return validate(value) ? [] : ajvProblems(at, validate.errors, what).map((p) => ({ ...p, path: at }));
}
