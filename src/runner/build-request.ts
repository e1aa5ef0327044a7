/**
 * Turns a step's plan into the HTTP request to send: the spec's path template filled and
 * percent-encoded, credentials placed as each security scheme says, required headers filled as
 * the profile says, and the documented body.
 */
import type { RequestPlan } from "../cases/model.ts";
import { encodeBody } from "../cases/body.ts";
import type { HttpRequest } from "../http/types.ts";
import type { ProviderProfile } from "../profiles/profile.ts";
import type { Credentials } from "../sandboxes/types.ts";
import type { OperationSpec, SecuritySchemeSpec } from "../spec/model.ts";

export interface RequestContext {
  op: OperationSpec;
  profile: ProviderProfile;
  baseUrl: string;
  credentials: Credentials;
  wrongCredentials: Credentials;
}

export function buildRequest(ctx: RequestContext, plan: RequestPlan, pathParams: Record<string, string>): HttpRequest {
  const { op, profile } = ctx;
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(pathParams[name] ?? ""));
  const query = new URLSearchParams(plan.query).toString();
  const url = `${ctx.baseUrl.replace(/\/+$/, "")}${path}${query ? `?${query}` : ""}`;

  const headers: Record<string, string> = { accept: "application/json" };
  const creds = plan.auth.kind === "wrong" ? ctx.wrongCredentials : ctx.credentials;
  for (const scheme of op.security) {
    const skip = plan.auth.kind === "missing" || (plan.auth.kind === "missing-one" && plan.auth.scheme === scheme.name);
    if (!skip) Object.assign(headers, authHeader(scheme, profile, creds));
  }
  for (const param of op.parameters) {
    if (param.in !== "header" || !param.required) continue;
    const source = profile.headerValues[param.name];
    const value =
      source?.kind === "env" ? ctx.credentials[source.env] :
      source?.kind === "pathParam" ? pathParams[source.name] :
      typeof param.example === "string" ? param.example : undefined;
    if (value !== undefined) headers[param.name.toLowerCase()] = value;
  }

  let body: string | undefined;
  if (op.requestBody) {
    const valid = op.requestBody.example && typeof op.requestBody.example === "object" ? encodeBody(op.requestBody.contentType, op.requestBody.example as Record<string, unknown>) : "";
    body = plan.body === null ? undefined : plan.body ?? valid;
    if (body !== undefined) headers["content-type"] = op.requestBody.contentType;
  }
  Object.assign(headers, plan.headers);
  for (const name of plan.omitHeaders) delete headers[name];
  return { method: op.method, url, headers, body };
}

function authHeader(scheme: SecuritySchemeSpec, profile: ProviderProfile, creds: Credentials): Record<string, string> {
  const source = profile.credentials[scheme.name];
  if (!source) return {};
  if (source.kind === "basic") {
    const token = Buffer.from(`${creds[source.usernameEnv] ?? ""}:${source.password}`).toString("base64");
    return { authorization: `Basic ${token}` };
  }
  if (source.kind === "bearer") return { authorization: `Bearer ${creds[source.env] ?? ""}` };
  return { [String(scheme.headerName).toLowerCase()]: creds[source.env] ?? "" };
}
