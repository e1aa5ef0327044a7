/**
 * Sorts the CPU samples of a cold `payconform run` into what they were spent on. Each sample's
 * stack is read from its innermost frame outwards and goes to the first category a frame
 * matches, by file (src/**, node_modules/ajv, node:internal/modules, ...) and, where sources are
 * bundled (dist/*.mjs), by function name; what matches none falls back to "payconform code,
 * other" when any frame is payconform's own, else to Node or V8.
 */
import type { CallFrame } from "./cpuprofile.ts";

export const COLD_CATEGORIES = {
  gc: "garbage collection",
  program: "V8 outside JavaScript ((program): parsing, compiling, start-up)",
  idle: "idle (waiting on sockets, timers, the file system)",
  modules: "module loading and compiling (incl. type stripping, amaro; top-level evaluation)",
  ajvCompile: "Ajv compiling validators",
  ajvOther: "Ajv, other (validating)",
  spec: "spec loading (yaml, src/spec/load)",
  cases: "case generation (src/cases, regexpp)",
  checks: "checks (src/checks, evaluate)",
  redaction: "redaction (src/http/redact.ts, masking)",
  reporters: "reporters (src/reporters)",
  sandbox: "embedded sandbox (src/sandboxes)",
  http: "HTTP (node:http, net, streams; src/http)",
  ours: "payconform code, other",
  node: "Node internals, other",
  other: "other",
} as const;

type Key = keyof typeof COLD_CATEGORIES;

const AJV_COMPILE = new Set(["compileSchema", "_compileSchemaEnv", "compileResponseValidators", "compileSchemaValidators"]);
const REDACT = new Set(["redact", "redactResult", "secretForms", "mask", "mayHold", "redactUrl"]);
const SPEC = new Set(["loadSpec", "parseDocument", "composeDoc"]);
const CASES = new Set(["deriveScenarios"]);
const MODULES = new Set(["stripTypeScriptModuleTypes", "stripTypeScriptTypes", "processTypeScriptCode", "compileSourceTextModule", "compileForInternalLoader", "wrapSafe", "__require"]);

/** The category of one frame, or undefined when the frame says nothing by itself. */
function frameCategory(f: CallFrame, stack: readonly CallFrame[]): Key | undefined {
  const { url, functionName: fn } = f;
  // Loading Node's own built-in modules, or a bundle's CommonJS shim, is module loading wherever it happens.
  if (MODULES.has(fn) || url.startsWith("node:internal/bootstrap/")) return "modules";
  if (url.includes("/node_modules/ajv/") || url.includes("/node_modules/ajv-formats/")) return stack.some((g) => AJV_COMPILE.has(g.functionName) || (g.functionName === "compile" && g.url.includes("/ajv/"))) ? "ajvCompile" : "ajvOther";
  if (AJV_COMPILE.has(fn)) return "ajvCompile";
  if (url.includes("src/http/redact.ts") || REDACT.has(fn)) return "redaction";
  if (url.includes("/node_modules/yaml/") || url.includes("src/spec/load.ts") || SPEC.has(fn)) return "spec";
  if (url.includes("/src/cases/") || url.includes("/regexpp/") || CASES.has(fn)) return "cases";
  if (url.includes("/src/checks/") || url.includes("src/runner/evaluate.ts")) return "checks";
  if (url.includes("/src/reporters/")) return "reporters";
  if (url.includes("/src/sandboxes/")) return "sandbox";
  if (/^node:(_http|http|https|net|_tls|tls|stream|internal\/(http|streams|stream_base_commons|net|dns))/.test(url) || url.includes("/src/http/")) return "http";
  if (url.startsWith("node:internal/modules") || url.includes("amaro") || MODULES.has(fn)) return "modules";
  // A module's own top-level code: evaluated once, as it loads.
  if (fn === "" && f.lineNumber === 0 && ours(url)) return "modules";
  return undefined;
}

const ours = (url: string): boolean => /\/(src|dist|bin)\//.test(url) && !url.includes("/node_modules/");

export function coldCategory(stack: readonly CallFrame[]): string {
  const leaf = stack[0]?.functionName;
  if (leaf === "(garbage collector)") return COLD_CATEGORIES.gc;
  if (leaf === "(idle)") return COLD_CATEGORIES.idle;
  if (leaf === "(program)") return COLD_CATEGORIES.program;
  for (const frame of stack) {
    const key = frameCategory(frame, stack);
    if (key) return COLD_CATEGORIES[key];
  }
  if (stack.some((f) => ours(f.url))) return COLD_CATEGORIES.ours;
  if (stack.some((f) => f.url.startsWith("node:"))) return COLD_CATEGORIES.node;
  return COLD_CATEGORIES.other;
}
