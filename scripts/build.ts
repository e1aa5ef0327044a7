/**
 * `npm run build` (also run by `npm ci` and `npm install`, as `prepare`): bundles the CLI in src/
 * into plain JavaScript in dist/, so a start neither strips types nor hunts for modules.
 *
 * - One entry, src/cli/main.ts, as dist/payconform.mjs; every command module it loads with
 *   `import()` becomes a chunk of its own, loaded only when that command runs.
 * - Dependencies are bundled in, except Pact (loaded only by the verifier's child process, which
 *   runs from src/, and native), so a start reads a handful of files.
 * - Every output file sits directly in dist/, one level below the project root, as every file of
 *   src/ sits: `new URL("..", import.meta.url)` names the project root from either.
 *
 * bin/payconform.mjs runs dist/ when it is there and src/ otherwise (or when PAYCONFORM_FROM_SOURCE
 * is set). `npm test` builds first, so the CLI tests exercise the bundle a user runs.
 */
import { build, type Plugin } from "esbuild";
import { readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = `${ROOT}dist`;
const require = createRequire(import.meta.url);

/**
 * Node's own modules without their ESM facade. An ESM import of a built-in makes Node build the
 * facade, which reads every export, getters included: `node:http`'s `WebSocket` getter alone loads
 * undici, about 60 ms of every start, `node:fs`'s `ReadStream` its streams, and reading all of
 * `node:util` loads its diff and colour modules. Instead each importing file gets a small module
 * that takes the built-in with getBuiltinModule (require on older Nodes) and exports just the
 * names that file imports from it (all of its plain values for `import * as` or `import()`).
 */
const builtinsThroughRequire: Plugin = {
  name: "builtins-through-require",
  setup(on) {
    on.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === "import-statement" || args.kind === "dynamic-import" ? { path: `${args.path}#${relative(ROOT, args.importer)}`, namespace: "builtin" } : undefined,
    );
    on.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => {
      const at = args.path.indexOf("#");
      const [name, importer] = [args.path.slice(0, at), args.path.slice(at + 1)];
      const names = namesImported(name, readFileSync(join(ROOT, importer), "utf8")) ?? plainNames(name);
      const contents = [
        `const builtin = process.getBuiltinModule?.(${JSON.stringify(name)}) ?? require(${JSON.stringify(name)});`,
        "export default builtin;",
        names.length === 0 ? "" : `export const { ${names.join(", ")} } = builtin;`,
      ].join("\n");
      return { contents, loader: "js" };
    });
  },
};

/** The names `source` imports from `builtin` by name; undefined when it takes the whole module (`* as`, `import()`). */
function namesImported(builtin: string, source: string): string[] | undefined {
  const quoted = `["']${builtin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']`;
  if (new RegExp(`\\*\\s*as\\s+[\\w$]+\\s*from\\s*${quoted}|import\\(\\s*${quoted}`).test(source)) return undefined;
  const names = new Set<string>();
  for (const match of source.matchAll(new RegExp(`import\\s+(?:type\\s+)?(?:[\\w$]+\\s*,\\s*)?\\{([^}]*)\\}\\s*from\\s*${quoted}`, "g"))) {
    for (const part of match[1].split(",")) {
      const imported = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0];
      if (imported) names.add(imported);
    }
  }
  return [...names];
}

/** Every plain (non-getter) value `builtin` exports under a name an identifier can take. */
function plainNames(builtin: string): string[] {
  const exported = require(builtin) as Record<string, unknown>;
  return Object.keys(exported).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== "default" && !Object.getOwnPropertyDescriptor(exported, key)?.get);
}

/**
 * commander requires `node:child_process` as it loads, for executable subcommands, which
 * payconform does not have; loading it (and the net and stream modules it pulls in) is about 15 ms
 * of every start, `--help` and `--version` included. commander gets a stand-in that loads it on
 * first use instead.
 */
const lazyChildProcessForCommander: Plugin = {
  name: "lazy-child-process-for-commander",
  setup(on) {
    on.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "lazy-builtin" } : undefined));
    on.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, () => ({
      contents: 'let loaded;\nexport default new Proxy({}, { get: (_target, name) => (loaded ??= process.getBuiltinModule?.("node:child_process") ?? require("node:child_process"))[name] });',
      loader: "js",
    }));
  },
};

/**
 * Bundles `entryPoints` (name → source, relative to the project root) into `outdir`, a folder one
 * level below the project root, as the CLI is bundled: chunked, Node's own modules through
 * getBuiltinModule, Pact left out. The bench bundles its in-process scaling child the same way, so
 * it measures the code a user runs. Resolves false when esbuild failed (it has printed why).
 */
export async function bundle(entryPoints: Record<string, string>, outdir: string): Promise<boolean> {
  rmSync(outdir, { recursive: true, force: true });
  try {
    await build({
      absWorkingDir: ROOT,
      entryPoints,
      outdir,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      outExtension: { ".js": ".mjs" },
      chunkNames: "chunk-[hash]",
      external: ["@pact-foundation/pact"],
      plugins: [lazyChildProcessForCommander, builtinsThroughRequire],
      // Bundled CommonJS dependencies call require() for Node's own modules.
      banner: { js: 'import { createRequire as __payconformRequire } from "node:module"; const require = __payconformRequire(import.meta.url);' },
      legalComments: "none",
      sourcemap: "linked",
      logLevel: "warning",
    });
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!(await bundle({ payconform: "src/cli/main.ts" }, OUT))) process.exitCode = 1;
}
