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
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = `${ROOT}dist`;

/**
 * Node's own modules, imported as CommonJS. An ESM import of a built-in makes Node build its ESM
 * facade, which reads every export, getters included: `node:http`'s `WebSocket` getter alone loads
 * undici, about 60 ms of every start. Through require(), an export is read where it is used.
 */
const builtinsThroughRequire: Plugin = {
  name: "builtins-through-require",
  setup(on) {
    on.onResolve({ filter: /^node:/ }, (args) => (args.kind === "import-statement" || args.kind === "dynamic-import" ? { path: args.path, namespace: "builtin" } : undefined));
    on.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: "js" }));
  },
};

rmSync(OUT, { recursive: true, force: true });
try {
  await build({
    absWorkingDir: ROOT,
    entryPoints: { payconform: "src/cli/main.ts" },
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunk-[hash]",
    external: ["@pact-foundation/pact"],
    plugins: [builtinsThroughRequire],
    // Bundled CommonJS dependencies call require() for Node's own modules.
    banner: { js: 'import { createRequire as __payconformRequire } from "node:module"; const require = __payconformRequire(import.meta.url);' },
    legalComments: "none",
    sourcemap: "linked",
    logLevel: "warning",
  });
} catch {
  // esbuild has printed what failed.
  process.exitCode = 1;
}
