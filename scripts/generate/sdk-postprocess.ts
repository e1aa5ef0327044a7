/**
 * Makes openapi-generator's typescript-fetch output fit this repository, deterministically:
 * - metadata files other than .openapi-generator/VERSION are dropped;
 * - relative imports get explicit `.ts` / `/index.ts` targets (the repo is ESM with NodeNext
 *   resolution, where extensionless relative imports do not type-check);
 * - a runtime.ts that refers to `GlobalFetch` (absent from current TypeScript DOM typings) gets a
 *   one-line declaration of it. With the `typescriptThreePlus` option (see generator-cli.ts) the
 *   generator refers to WindowOrWorkerGlobalScope instead and no declaration is needed;
 * - class fields that override Error's `name` get the `override` modifier (noImplicitOverride);
 * - the default fetch is `globalThis.fetch` instead of `window.fetch`, so the SDK runs in Node;
 * - HTTP Basic credentials treat a missing username or password as empty, so a client configured
 *   with `username` only (Juspay's API key) sends `KEY:` instead of `KEY:undefined`.
 */
import { posix } from "node:path";
import type { FileTree } from "./files.ts";

const DROPPED = new Set([".openapi-generator-ignore", ".openapi-generator/FILES"]);

export const GLOBAL_FETCH_DECLARATION = "type GlobalFetch = { fetch: typeof fetch }; // absent from current DOM typings";

export function postprocessSdk(raw: FileTree): FileTree {
  const out: FileTree = new Map();
  for (const [path, content] of raw) {
    if (DROPPED.has(path)) continue;
    let text = content.replace(/\r\n/g, "\n");
    if (path.endsWith(".ts")) text = rewriteImports(path, text, raw);
    if (path === "runtime.ts") text = useGlobalThisFetch(markErrorNameOverride(declareGlobalFetch(text)));
    if (path.startsWith("apis/")) text = emptyMissingBasicCredentials(path, text);
    out.set(path, text);
  }
  return out;
}

/** `from '../models'` → `from '../models/index.ts'`; `from '../runtime'` → `from '../runtime.ts'`. */
export function rewriteImports(path: string, text: string, tree: FileTree): string {
  return text.replace(/(\bfrom\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g, (_match, from: string, quote: string, spec: string) => {
    const target = posix.join(posix.dirname(path), spec).replace(/\/$/, "");
    const candidates = [`${target}.ts`, `${target === "." ? "" : `${target}/`}index.ts`];
    const found = candidates.find((c) => tree.has(c));
    if (!found) throw new Error(`sdk post-processing: ${path} imports ${spec}, which was not generated`);
    let rel = posix.relative(posix.dirname(path), found);
    if (!rel.startsWith(".")) rel = `./${rel}`;
    return `${from}${quote}${rel}${quote}`;
  });
}

export function declareGlobalFetch(text: string): string {
  if (!/\bGlobalFetch\b/.test(text) || text.includes(GLOBAL_FETCH_DECLARATION)) return text;
  return text.replace(/^export const BASE_PATH/m, `${GLOBAL_FETCH_DECLARATION}\n\nexport const BASE_PATH`);
}

/** `name: "RequiredError" = "RequiredError";` in a subclass of Error → `override name: …`. */
export function markErrorNameOverride(text: string): string {
  return text.replace(/^(\s+)name: ("\w+") = \2;$/gm, "$1override name: $2 = $2;");
}

/** `window.fetch.bind(window)` → `globalThis.fetch.bind(globalThis)`: Node has no `window`. */
export function useGlobalThisFetch(text: string): string {
  return text.replaceAll("window.fetch.bind(window)", "globalThis.fetch.bind(globalThis)");
}

const BASIC_AS_GENERATED = 'btoa(this.configuration.username + ":" + this.configuration.password)';
const BASIC_FIXED = 'btoa((this.configuration.username ?? "") + ":" + (this.configuration.password ?? ""))';

/**
 * The Basic credentials line with `?? ""` on either side. A generator whose output words the line
 * differently fails here, rather than quietly shipping `KEY:undefined` again.
 */
export function emptyMissingBasicCredentials(path: string, text: string): string {
  const fixed = text.replaceAll(BASIC_AS_GENERATED, BASIC_FIXED);
  if (/btoa\([^\n]*this\.configuration\.password\)/.test(fixed)) {
    throw new Error(`sdk post-processing: ${path} builds Basic credentials in a form this step does not recognise`);
  }
  return fixed;
}
