/**
 * payconform's rules on top of the structural diff: what each change means for a consumer of the
 * API. A rule looks at where a change sits (which part of which operation) and says its class and
 * kind; the first rule that answers wins. A change no rule knows keeps api-smart-diff's own class
 * (its "unclassified" and "deprecated" count as breaking and non-breaking).
 *
 * The consumer's view: anything that can make a request it sent before invalid, or an answer it
 * read before unreadable, is breaking. Request constraints tightened, response constraints
 * loosened, statuses and error codes removed, auth and server URLs changed are breaking; the
 * reverse is non-breaking; descriptions, examples (error codes aside) and x- extensions are
 * annotation only.
 */
import type { ChangeClass, SpecChange } from "./model.ts";
import { comparePatterns } from "./pattern.ts";
import type { RawChange } from "./structural.ts";
import { operationName, pointerOf, valueAt, type Obj, type Path } from "./walk.ts";

export interface RuleContext {
  before: Obj;
  after: Obj;
}

type Verdict = { class: ChangeClass; kind: string; message: string } | "drop" | undefined;
type Rule = (c: RawChange, ctx: RuleContext) => Verdict;

const ANNOTATION_KEYS = new Set(["description", "summary", "title", "example", "examples", "externalDocs", "tags", "deprecated", "x-default"]);
/** Components are compared where they are used (api-smart-diff resolves $refs into `paths`). */
const COMPONENTS_SEEN_IN_PATHS = new Set(["schemas", "parameters", "responses", "requestBodies", "headers", "examples", "links", "callbacks", "pathItems"]);

export function classifyChange(c: RawChange, ctx: RuleContext): SpecChange | undefined {
  for (const rule of RULES) {
    const verdict = rule(c, ctx);
    if (verdict === "drop") return undefined;
    if (verdict) return toChange(c, verdict);
  }
  const cls: ChangeClass = c.libraryType === "annotation" ? "annotation" : c.libraryType === "non-breaking" || c.libraryType === "deprecated" ? "non-breaking" : "breaking";
  return toChange(c, { class: cls, kind: "other", message: `${at(c.path)} ${verb(c)}` });
}

function toChange(c: RawChange, v: { class: ChangeClass; kind: string; message: string }): SpecChange {
  const change: SpecChange = { class: v.class, kind: v.kind, operation: operationName(c.path), pointer: pointerOf(c.path), message: v.message };
  if (c.before !== undefined) change.before = c.before;
  if (c.after !== undefined) change.after = c.after;
  return change;
}

// ---- where a change sits -------------------------------------------------------------------

/** The path inside the operation (after paths/<template>/<method>), or undefined. */
function inOperation(path: Path): Path | undefined {
  return path[0] === "paths" && path.length >= 3 ? path.slice(3) : undefined;
}
/** Keys under these name things (a field, a header, a component), so they are never keywords or extensions. */
const NAMING_PARENTS = new Set(["properties", "patternProperties", "headers", "content", "schemas", "parameters", "responses", "securitySchemes", "examples", "requestBodies", "links", "callbacks", "paths"]);
/** Whether path[i] is a keyword of its object (not the name of a field, header or component). */
const isKeyword = (path: Path, i: number) => typeof path[i] === "string" && !NAMING_PARENTS.has(String(path[i - 1]));
const isExtension = (path: Path) => path.some((p, i) => isKeyword(path, i) && String(p).startsWith("x-"));
const lastMeaningfulKey = (path: Path) => {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "number") continue; else return isKeyword(path, i) ? String(path[i]) : undefined;
  return undefined;
};

// ---- the rules, in order ---------------------------------------------------------------------

const RULES: Rule[] = [
  // Shared components: compared where they are used, except security schemes.
  (c) => (c.path[0] === "components" && COMPONENTS_SEEN_IN_PATHS.has(String(c.path[1])) ? "drop" : undefined),
  (c) => (isExtension(c.path) ? { class: "annotation", kind: "extension", message: `${at(c.path)} ${verb(c)} (a vendor extension)` } : undefined),
  (c) => {
    const key = lastMeaningfulKey(c.path);
    // An example's content (error codes aside, see error-codes.ts) or a description never reaches the wire.
    const inExample = c.path.some((p, i) => (p === "example" || p === "examples") && isKeyword(c.path, i));
    if (!inExample && !(key && ANNOTATION_KEYS.has(key))) return undefined;
    return { class: "annotation", kind: inExample ? "example" : key!, message: `${at(c.path)} ${verb(c)}` };
  },
  (c) => (c.path[0] === "info" || c.path[0] === "openapi" || c.path[0] === "jsonSchemaDialect" ? { class: "annotation", kind: "info", message: `${at(c.path)} ${verb(c)}` } : undefined),
  serverRule,
  securityRule,
  operationRule,
  statusRule,
  parameterRule,
  requestBodyRule,
  responseSchemaRule,
];

function serverRule(c: RawChange): Verdict {
  const i = c.path.indexOf("servers");
  if (i < 0) return undefined;
  const rest = c.path.slice(i + 1);
  if (rest.length === 1 && c.action === "add") return { class: "non-breaking", kind: "server-added", message: `server ${String((c.after as Obj)?.url)} added` };
  if (rest.length === 1 && c.action === "remove") return { class: "breaking", kind: "server-removed", message: `server ${String((c.before as Obj)?.url)} removed` };
  if (rest.length === 0) return { class: "breaking", kind: "server-changed", message: `servers ${verb(c)}` };
  return { class: "breaking", kind: "server-changed", message: `server URL or base path changed: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}` };
}

function securityRule(c: RawChange): Verdict {
  const isRequirement = c.path[0] === "security" || inOperation(c.path)?.[0] === "security";
  const isScheme = c.path[0] === "components" && c.path[1] === "securitySchemes";
  if (!isRequirement && !isScheme) return undefined;
  const what = isScheme ? `security scheme ${String(c.path[2])}` : "security requirement";
  return { class: "breaking", kind: "auth-changed", message: `${what} changed: ${at(c.path)} ${verb(c)}` };
}

function operationRule(c: RawChange): Verdict {
  if (c.path[0] !== "paths") return undefined;
  if (c.path.length === 2 || (c.path.length === 3 && ["add", "remove"].includes(c.action))) {
    return c.action === "add"
      ? { class: "non-breaking", kind: "operation-added", message: `${String(c.path[1])} ${c.path[2] ?? ""} added`.trim() }
      : { class: "breaking", kind: "operation-removed", message: `${String(c.path[1])} ${c.path[2] ?? ""} removed`.trim() };
  }
  const rest = inOperation(c.path);
  if (rest?.[0] === "operationId") return { class: "breaking", kind: "operation-id-changed", message: `operationId ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)} (generated client names follow it)` };
  return undefined;
}

function statusRule(c: RawChange): Verdict {
  const rest = inOperation(c.path);
  if (rest?.[0] !== "responses" || rest.length !== 2) return undefined;
  const status = String(rest[1]);
  if (c.action === "remove") return { class: "breaking", kind: "status-removed", message: `response ${status} is no longer documented` };
  if (c.action === "add") {
    const success = status.startsWith("2");
    return { class: success ? "breaking" : "non-breaking", kind: "status-added", message: `response ${status} is newly documented${success ? " (a second success shape to handle)" : ""}` };
  }
  return undefined;
}

function parameterRule(c: RawChange, ctx: RuleContext): Verdict {
  const rest = inOperation(c.path);
  if (rest?.[0] !== "parameters" || rest.length < 2) return undefined;
  const base = c.path.slice(0, 5);
  const param = (valueAt(ctx.before, base) ?? valueAt(ctx.after, base) ?? c.after ?? c.before) as Obj | undefined;
  const name = `${String(param?.in ?? "?")} parameter ${String(param?.name ?? rest[1])}`;
  if (rest.length === 2) {
    const p = (c.after ?? c.before) as Obj;
    if (c.action === "add") {
      return p?.required === true
        ? { class: "breaking", kind: p.in === "header" ? "required-header-added" : "required-parameter-added", message: `required ${name} added` }
        : { class: "non-breaking", kind: "optional-parameter-added", message: `optional ${name} added` };
    }
    if (c.action === "remove") return { class: p?.in === "path" ? "breaking" : "non-breaking", kind: "parameter-removed", message: `${name} removed` };
  }
  if (rest[2] === "required" && rest.length === 3) {
    const nowRequired = c.after === true;
    return nowRequired
      ? { class: "breaking", kind: "parameter-made-required", message: `${name} is now required` }
      : { class: "non-breaking", kind: "parameter-made-optional", message: `${name} is now optional` };
  }
  if (rest[2] === "schema") return constraintVerdict(c, ctx, "request", name);
  return undefined;
}

function requestBodyRule(c: RawChange, ctx: RuleContext): Verdict {
  const rest = inOperation(c.path);
  if (rest?.[0] !== "requestBody") return undefined;
  if (rest.length === 1) return c.action === "add" ? { class: "breaking", kind: "request-body-added", message: "a request body is now documented" } : { class: "non-breaking", kind: "request-body-removed", message: "the request body is no longer documented" };
  if (rest[1] === "required") return c.after === true ? { class: "breaking", kind: "request-body-made-required", message: "the request body is now required" } : { class: "non-breaking", kind: "request-body-made-optional", message: "the request body is now optional" };
  const schemaAt = rest.indexOf("schema");
  if (schemaAt < 0) return { class: c.action === "remove" ? "breaking" : "non-breaking", kind: "request-media-type", message: `${at(c.path)} ${verb(c)}` };
  const inSchema = rest.slice(schemaAt + 1);
  if (inSchema[inSchema.length - 2] === "required" && typeof inSchema[inSchema.length - 1] === "number") {
    const field = String(c.after ?? c.before);
    return c.action === "add" || c.action === "replace"
      ? { class: "breaking", kind: "required-body-field-added", message: `request body field ${field} is now required` }
      : { class: "non-breaking", kind: "body-field-made-optional", message: `request body field ${field} is no longer required` };
  }
  return constraintVerdict(c, ctx, "request", "request body");
}

function responseSchemaRule(c: RawChange, ctx: RuleContext): Verdict {
  const rest = inOperation(c.path);
  if (rest?.[0] !== "responses" || rest.length < 3) return undefined;
  const status = String(rest[1]);
  const schemaAt = rest.indexOf("schema");
  if (rest[2] === "content" && (rest.length === 3 || rest.length === 4) && schemaAt < 0) {
    return c.action === "remove" || c.action === "replace"
      ? { class: "breaking", kind: "response-media-type-changed", message: `${status}: media type ${verb(c)}` }
      : { class: "breaking", kind: "response-body-added", message: `${status}: a body is now documented where there was none or another media type` };
  }
  if (rest[2] === "headers") return { class: c.action === "add" ? "non-breaking" : "breaking", kind: "response-header-changed", message: `${status}: ${at(c.path)} ${verb(c)}` };
  if (schemaAt < 0) return undefined;
  const inSchema = rest.slice(schemaAt + 1);
  const key = inSchema[inSchema.length - 2];
  const field = inSchema.filter((_, i) => inSchema[i - 1] === "properties").join(".");
  if (key === "properties" && c.action === "remove") return { class: "breaking", kind: "response-field-removed", message: `${status}: response field ${field} removed` };
  if (key === "properties" && c.action === "add") return { class: "non-breaking", kind: "response-field-added", message: `${status}: response field ${field} added` };
  if (key === "required" && typeof inSchema[inSchema.length - 1] === "number") {
    const name = String(c.after ?? c.before);
    if (c.action === "add") return { class: "non-breaking", kind: "response-field-made-required", message: `${status}: response field ${name} is now always present` };
    if (c.action === "remove") return { class: "breaking", kind: "response-field-made-optional", message: `${status}: response field ${name} may now be absent` };
  }
  return constraintVerdict(c, ctx, "response", `${status} response`);
}

// ---- constraints: tightened or loosened -----------------------------------------------------

type Move = "tightened" | "loosened" | "changed" | "equivalent";

/**
 * A schema constraint that moved. On the request side a tightening is breaking (values the
 * consumer sent are now refused); on the response side a loosening is (values it never expected
 * may now come back).
 */
function constraintVerdict(c: RawChange, ctx: RuleContext, side: "request" | "response", where: string): Verdict {
  const keywordAt = findKeyword(c.path);
  if (keywordAt < 0) return undefined;
  const keyword = String(c.path[keywordAt]);
  const move = constraintMove(c, ctx, keyword, keywordAt);
  if (!move) return undefined;
  const breaking = move === "changed" || (side === "request" ? move === "tightened" : move === "loosened");
  const cls: ChangeClass = move === "equivalent" ? "annotation" : breaking ? "breaking" : "non-breaking";
  const detail = keyword === "enum" && keywordAt < c.path.length - 1 ? ` (value ${JSON.stringify(c.after ?? c.before)} ${c.action === "add" ? "added" : "removed"})` : `: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`;
  return { class: cls, kind: `${keywordKind(keyword)}-${move}`, message: `${where}: ${keyword} ${move}${detail}` };
}

const KEYWORDS = ["pattern", "minLength", "maxLength", "format", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "type", "minItems", "maxItems"];

function findKeyword(path: Path): number {
  for (let i = path.length - 1; i >= 0; i--) if (isKeyword(path, i) && KEYWORDS.includes(path[i] as string)) return i;
  return -1;
}

function keywordKind(keyword: string): string {
  return { minLength: "length", maxLength: "length", minimum: "range", maximum: "range", exclusiveMinimum: "range", exclusiveMaximum: "range", minItems: "items", maxItems: "items" }[keyword] ?? keyword;
}

function constraintMove(c: RawChange, ctx: RuleContext, keyword: string, keywordAt: number): Move | undefined {
  const added = c.action === "add";
  const removed = c.action === "remove";
  const [b, a] = [c.before, c.after];
  switch (keyword) {
    case "pattern":
      if (added) return "tightened";
      if (removed) return "loosened";
      return typeof b === "string" && typeof a === "string" ? comparePatterns(b, a) : "changed";
    case "minLength":
    case "minimum":
    case "exclusiveMinimum":
    case "minItems":
      if (added) return "tightened";
      if (removed) return "loosened";
      return Number(a) > Number(b) ? "tightened" : Number(a) < Number(b) ? "loosened" : "equivalent";
    case "maxLength":
    case "maximum":
    case "exclusiveMaximum":
    case "maxItems":
      if (added) return "tightened";
      if (removed) return "loosened";
      return Number(a) < Number(b) ? "tightened" : Number(a) > Number(b) ? "loosened" : "equivalent";
    case "format":
    case "const":
      return added ? "tightened" : removed ? "loosened" : "changed";
    case "enum": {
      // An enum value added widens an existing enum; a whole new enum narrows "any value".
      const enumPath = c.path.slice(0, keywordAt + 1);
      const hadEnum = Array.isArray(valueAt(ctx.before, enumPath));
      const hasEnum = Array.isArray(valueAt(ctx.after, enumPath));
      if (keywordAt === c.path.length - 1) return added ? "tightened" : removed ? "loosened" : "changed";
      if (added) return hadEnum ? "loosened" : "tightened";
      if (removed) return hasEnum ? "tightened" : "loosened";
      return "changed";
    }
    case "type":
      return "changed";
    default:
      return undefined;
  }
}

// ---- wording ---------------------------------------------------------------------------------

function at(path: Path): string {
  return pointerOf(path);
}

function verb(c: RawChange): string {
  if (c.action === "add") return `added (${short(c.after)})`;
  if (c.action === "remove") return `removed (was ${short(c.before)})`;
  return `changed: ${short(c.before)} → ${short(c.after)}`;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
