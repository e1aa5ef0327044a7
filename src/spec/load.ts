/**
 * Reads a provider's OpenAPI document (OpenAPI 3.0 or 3.1, YAML or JSON) into an `ApiSpec`.
 * Spec objects are mapped one by one: servers, operations, parameters, request bodies,
 * security schemes and responses (OpenAPI 3.1 §4.8).
 */
import { readFileSync } from "node:fs";
import { SpecError } from "../errors.ts";
import { requireLazily } from "../lazy-require.ts";
import { specFile, type HttpProvider } from "../providers.ts";
import { deref, escapeToken } from "./deref.ts";
import { isOverlayDocument, resolveOverlay } from "./overlay.ts";
import { preReadDocument } from "./pre-read.ts";
import type {
  ApiSpec,
  Environment,
  JsonSchema,
  OperationSpec,
  ParameterSpec,
  RequestBodySpec,
  ResponseSpec,
  SecuritySchemeSpec,
  ServerSpec,
} from "./model.ts";

type Obj = Record<string, unknown>;
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

const cache = new Map<string, ApiSpec>();

/** Forgets every spec loaded so far, so the next `loadSpec` reads the files again (after `spec update`). */
export function forgetLoadedSpecs(): void {
  cache.clear();
}

/**
 * Loads (once per process) the bundled spec of a provider, or a spec file given explicitly. The
 * bundled spec comes from its pre-read copy in generated/ while that copy is of the same files.
 */
export function loadSpec(provider: HttpProvider, file = specFile(provider)): ApiSpec {
  const key = `${provider}:${file}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const preRead = file === specFile(provider) ? preReadDocument(provider) : undefined;
  const spec = buildSpec(provider, file, preRead ?? readDocument(file));
  cache.set(key, spec);
  return spec;
}

/**
 * Reads an OpenAPI document. An Overlay document (a provider's overlay.yaml) reads as its
 * effective spec: the document it extends with the overlay applied.
 */
export function readDocument(file: string): Obj {
  return readDocumentAndSources(file).document;
}

/** The effective document of `file`, and every file it was read from (the overlay, then what it extends). */
export function readDocumentAndSources(file: string): { document: Obj; sources: string[] } {
  const doc = readYaml(file);
  if (!isOverlayDocument(doc)) return { document: readOpenApi(file, doc), sources: [file] };
  const { document, upstreamFile } = resolveOverlay(file, doc, readOpenApi);
  return { document, sources: [file, upstreamFile] };
}

function readOpenApi(file: string, doc: unknown = readYaml(file)): Obj {
  if (!isObj(doc) || typeof doc.openapi !== "string") throw new SpecError(`${file} is not an OpenAPI 3 document`);
  return doc;
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SpecError(`cannot read spec ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  let doc: unknown;
  try {
    doc = (requireLazily("yaml") as typeof import("yaml")).parse(text);
  } catch (error) {
    throw new SpecError(`cannot parse spec ${file}: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  return doc;
}

export function buildSpec(provider: HttpProvider, file: string, raw: Obj): ApiSpec {
  const doc = deref(raw, file) as Obj;
  const info = isObj(doc.info) ? doc.info : {};
  const operations: OperationSpec[] = [];
  for (const [path, item] of Object.entries(asObj(doc.paths))) {
    if (!isObj(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (isObj(op)) operations.push(buildOperation(provider, doc, path, method, item, op, otherMethods(item, method)));
    }
  }
  if (operations.length === 0) throw new SpecError(`${file} documents no operations`);
  return {
    provider,
    file,
    openapi: String(doc.openapi),
    title: String(info.title ?? provider),
    servers: asArray(doc.servers).filter(isObj).map(buildServer),
    operations,
    document: doc,
  };
}

/** The path of a server URL without its trailing slash: "/router" for `https://host/router/`. */
function basePathOf(server: Obj | undefined): string {
  const url = typeof server?.url === "string" ? server.url : "";
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").replace(/\/+$/, "");
}

function buildServer(server: Obj): ServerSpec {
  const env = server["x-payconform-environment"];
  const environment: Environment = env === "sandbox" || env === "production" ? env : "unknown";
  return { url: String(server.url), environment, placeholder: "x-payconform-placeholder" in server };
}

/** The methods of a path item other than `method`: its other operations, and those it names as documented elsewhere. */
function otherMethods(item: Obj, method: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, where] of Object.entries(asObj(item["x-payconform-other-operations"]))) out[name.toUpperCase()] = String(where);
  for (const other of METHODS) if (other !== method && isObj(item[other])) out[other.toUpperCase()] = "this document";
  return out;
}

function buildOperation(provider: HttpProvider, doc: Obj, path: string, method: string, item: Obj, op: Obj, others: Record<string, string>): OperationSpec {
  const pointer = `#/paths/${escapeToken(path)}/${method}`;
  const params = [...asArray(item.parameters), ...asArray(op.parameters)].filter(isObj);
  const parameters = params.map((p, i) => buildParameter(p, `${pointer}/parameters/${i}`));
  const responses = Object.entries(asObj(op.responses))
    .filter(([status]) => /^\d{3}$/.test(status))
    .map(([status, response]) => buildResponse(Number(status), asObj(response), `${pointer}/responses/${status}`));
  return {
    provider,
    operationId: typeof op.operationId === "string" ? op.operationId : `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase(),
    path,
    basePath: basePathOf(asArray(op.servers ?? doc.servers).filter(isObj)[0]),
    parameters,
    requestBody: buildRequestBody(op.requestBody),
    security: buildSecurity(doc, op),
    responses,
    otherMethods: others,
    pointer,
    assumed: assumedOf(op),
    facts: Object.fromEntries(Object.entries(asObj(op["x-payconform-facts"])).map(([k, v]) => [k, String(v)])),
  };
}

function buildParameter(p: Obj, pointer: string): ParameterSpec {
  const where = p.in;
  if (where !== "path" && where !== "query" && where !== "header") {
    throw new SpecError(`${pointer}: parameters in "${String(where)}" are not supported`);
  }
  const schema = asObj(p.schema) as JsonSchema;
  return {
    name: String(p.name),
    in: where,
    required: p.required === true,
    schema,
    example: p.example ?? schema.example ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined),
    pointer,
    assumed: { ...assumedOf(p), ...assumedOf(schema) },
  };
}

function buildRequestBody(body: unknown): RequestBodySpec | undefined {
  if (!isObj(body)) return undefined;
  const [contentType, media] = Object.entries(asObj(body.content))[0] ?? [];
  if (!contentType) return undefined;
  const m = asObj(media);
  return { required: body.required === true, contentType, schema: asObj(m.schema) as JsonSchema, example: m.example };
}

function buildSecurity(doc: Obj, op: Obj): SecuritySchemeSpec[] {
  const requirements = asArray(op.security ?? doc.security).filter(isObj);
  const schemes = asObj(asObj(doc.components).securitySchemes);
  const first = requirements[0] ?? {};
  return Object.keys(first).map((name) => {
    const scheme = asObj(schemes[name]);
    if (scheme.type === "apiKey" && scheme.in === "header") {
      return { name, type: "apiKey", headerName: String(scheme.name) };
    }
    if (scheme.type === "http" && (scheme.scheme === "basic" || scheme.scheme === "bearer")) {
      return { name, type: "http", scheme: scheme.scheme };
    }
    throw new SpecError(`security scheme ${name} (${String(scheme.type)}) is not supported`);
  });
}

function buildResponse(status: number, response: Obj, pointer: string): ResponseSpec {
  const [contentType, media] = Object.entries(asObj(response.content))[0] ?? [];
  const m = asObj(media);
  const assumed = assumedOf(response);
  const examples: unknown[] = [];
  if ("example" in m) examples.push(m.example);
  for (const ex of Object.values(asObj(m.examples))) if (isObj(ex) && "value" in ex) examples.push(ex.value);
  return {
    status,
    description: String(response.description ?? ""),
    contentType,
    schema: contentType ? (asObj(m.schema) as JsonSchema) : undefined,
    examples,
    statusBasis: "all" in assumed || "status" in assumed ? "assumed" : "documented",
    bodyBasis: "all" in assumed || "body" in assumed ? "assumed" : "documented",
    contentTypeBasis: "all" in assumed || "body" in assumed || "contentType" in assumed ? "assumed" : "documented",
    pointer,
  };
}

function assumedOf(node: Obj): Record<string, string> {
  const mark = node["x-payconform-assumed"];
  if (typeof mark === "string") return { all: mark };
  if (isObj(mark)) return Object.fromEntries(Object.entries(mark).map(([k, v]) => [k, String(v)]));
  return {};
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function asObj(value: unknown): Obj {
  return isObj(value) ? value : {};
}
function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
