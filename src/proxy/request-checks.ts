/**
 * Checks on the client's request, each a small named function with one signature: the findings
 * are about the integrator's client, not the target. They hold the request to the rules the
 * document gives: the documented method on the path, path and query values against their
 * schemas, required headers present and well-formed (Juspay x-routing-id, Yuno x-account-code),
 * the required body (Juspay command=delete), credentials present in the documented scheme.
 * The same rules, with the same ids, are what check-pacts applies to a pact's requests.
 */
import type { RequestCheckId } from "../checks/ids.ts";
import type { Finding } from "../checks/types.ts";
import { MIN_SECRET_LENGTH } from "../http/redact.ts";
import type { ProviderProfile } from "../profiles/profile.ts";
import type { Credentials } from "../sandboxes/types.ts";
import { parametersIn, type OperationSpec, type SecuritySchemeSpec } from "../spec/model.ts";
import { basisAtSchemaPath } from "../spec/basis.ts";
import { decodeBasic, type SentCredentials } from "./credentials.ts";
import type { ClientRequest } from "./exchange.ts";
import type { RequestView } from "./request-view.ts";
import { parameterFindings, valueFindings, type ClientFinding } from "./value-findings.ts";

export interface RequestCheckInput {
  op: OperationSpec;
  profile: ProviderProfile;
  request: ClientRequest;
  view: RequestView;
  sent: SentCredentials;
  /** The configured credentials (from the environment), by variable name. */
  configured: Credentials;
}

/** Findings about the request, [] when it keeps the rule, undefined when the rule does not apply to it. */
export interface RequestCheck {
  id: RequestCheckId;
  run(input: RequestCheckInput): ClientFinding[] | undefined;
}

/** The rules below apply to requests for the documented operation. */
const onOperation =
  (run: (input: RequestCheckInput) => ClientFinding[] | undefined) =>
  (input: RequestCheckInput): ClientFinding[] | undefined =>
    input.view.route === "operation" ? run(input) : undefined;

export const operationExists: RequestCheck = {
  id: "operation_exists",
  run: ({ op, request, view }) => {
    if (view.route === "operation") return [];
    if (view.route !== "wrong-method") return undefined;
    return [{ expected: `${op.method} ${op.path}`, actual: `${request.method} ${request.path.split("?")[0]}`, message: `${request.method} is not documented for ${op.path} (documented: ${op.method})` }];
  },
};

export const pathParameterPattern: RequestCheck = {
  id: "path_parameter_pattern",
  run: onOperation(({ op, view }) =>
    parametersIn(op, "path").flatMap((p) => {
      const value = view.pathParams[p.name] ?? "";
      if (view.undecodable.includes(p.name)) return [{ expected: "valid percent-encoding", actual: JSON.stringify(value), message: `path parameter ${p.name} ${JSON.stringify(value)} is not valid percent-encoding`, subject: p.name }];
      return parameterFindings(p, value);
    }),
  ),
};

export const queryParameterPattern: RequestCheck = {
  id: "query_parameter_pattern",
  run: onOperation(({ op, view }) => {
    const documented = parametersIn(op, "query");
    const findings: ClientFinding[] = Object.keys(view.query)
      .filter((name) => !documented.some((p) => p.name === name))
      .map((name) => ({ expected: `only ${documented.map((p) => p.name).join(", ") || "no query parameters"}`, actual: name, message: `query parameter ${name} is not documented`, severity: "warning" as const, subject: name }));
    for (const p of documented) {
      const values = view.query[p.name] ?? [];
      if (values.length === 0 && p.required) findings.push({ expected: `${p.name} present`, actual: "missing", message: `required query parameter ${p.name} is missing`, subject: p.name });
      for (const value of values) findings.push(...parameterFindings(p, value));
      if (values.length > 1 && p.schema.type !== "array") {
        findings.push({ expected: `one ${p.name}`, actual: `${values.length} values`, message: `query parameter ${p.name} is sent ${values.length} times; the doc gives it one value, and servers differ on which copy they read`, severity: "warning", subject: p.name });
      }
    }
    return findings;
  }),
};

export const headerParameterPattern: RequestCheck = {
  id: "header_parameter_pattern",
  run: onOperation(({ op, view }) =>
    parametersIn(op, "header").flatMap((p) => {
      const value = view.headers[p.name.toLowerCase()];
      if (value === undefined || value === "") {
        const basis = "all" in p.assumed || "required" in p.assumed ? ("assumed" as const) : ("documented" as const);
        return p.required ? [{ expected: `header ${p.name} present`, actual: value === undefined ? "missing" : "empty", message: `required header ${p.name} is ${value === undefined ? "missing" : "empty"}`, basis, subject: p.name }] : [];
      }
      return parameterFindings(p, value);
    }),
  ),
};

export const requestBodySchema: RequestCheck = {
  id: "request_body_schema",
  run: onOperation(({ op, request, view }) => {
    if (request.bodyTooLarge) return undefined;
    const documented = op.requestBody;
    if (!documented) {
      return view.body ? [{ expected: "no body", actual: `a body${view.body.mediaType ? ` of ${view.body.mediaType}` : ""}`, message: `${op.method} ${op.path} documents no request body`, severity: "warning" }] : [];
    }
    if (!view.body) return documented.required ? [{ expected: `a ${documented.contentType} body`, actual: "no body", message: `the request body (${documented.contentType}) is required but the request has none` }] : [];
    if (view.body.mediaType !== documented.contentType.toLowerCase()) {
      return [{ expected: documented.contentType, actual: view.body.mediaType ?? "no content-type", message: `the request body is ${view.body.mediaType ?? "of no media type"}, documented is ${documented.contentType}` }];
    }
    return valueFindings(documented.schema, view.body.value, "request body", (e) => basisAtSchemaPath(documented.schema, e.schemaPath));
  }),
};

/** Every security scheme the operation requires is present, in its documented scheme; no credential travels in the URL. */
export const credentialsPresent: RequestCheck = {
  id: "credentials_present",
  run: onOperation(({ op, request, view, sent, configured }) => {
    const findings = op.security.flatMap((scheme) => schemeFindings(scheme, view.headers, sent));
    if (credentialInUrl(request.path, [...sent.values, ...Object.values(configured)])) findings.push({ expected: "credentials in headers only", actual: "a credential in the URL", message: "a credential is in the URL, where proxies and access logs keep it; the document sends credentials in headers" });
    return findings;
  }),
};

/** Whether a credential value (at least MIN_SECRET_LENGTH long) is in the path or query, as sent or percent-decoded. */
function credentialInUrl(path: string, values: readonly string[]): boolean {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path.replace(/\+/g, " "));
  } catch {
    // A malformed escape: the path as sent is searched.
  }
  return values.some((v) => v.length >= MIN_SECRET_LENGTH && (path.includes(v) || decoded.includes(v)));
}

function schemeFindings(scheme: SecuritySchemeSpec, headers: Record<string, string>, sent: SentCredentials): Finding[] {
  const where = scheme.type === "apiKey" ? `header ${scheme.headerName}` : `Authorization: ${scheme.scheme === "basic" ? "Basic" : "Bearer"}`;
  if (sent.schemes[scheme.name] === "missing") {
    return [{ expected: where, actual: "missing", message: `the request carries no ${scheme.name} credential (${where})` }];
  }
  if (scheme.type === "apiKey") return [];
  const [kind = "", token = "", ...rest] = (headers.authorization ?? "").trim().split(/\s+/);
  const wanted = scheme.scheme === "basic" ? "basic" : "bearer";
  if (kind.toLowerCase() !== wanted) return [{ expected: where, actual: `Authorization: ${kind} …`, message: `the Authorization header uses the ${kind} scheme, not the documented ${wanted}` }];
  if (token === "" || rest.length > 0) return [{ expected: `${where} <one token>`, actual: `Authorization: ${kind} with ${token === "" ? "no" : rest.length + 1} tokens`, message: `the Authorization header is not \`${kind} <token>\`` }];
  if (wanted === "basic" && !decodeBasic(token)) return [{ expected: "base64 of user:password (RFC 7617)", actual: "another value", message: "the Basic credentials are not base64 of `user:password`" }];
  return [];
}

export const REQUEST_CHECKS: readonly RequestCheck[] = [operationExists, pathParameterPattern, queryParameterPattern, headerParameterPattern, requestBodySchema, credentialsPresent];
