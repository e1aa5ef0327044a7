#!/usr/bin/env node
// Entry point of the `payconform` command. It runs the bundle in dist/ (`npm run build`, which
// `npm ci` runs as `prepare`), with Node's compile cache on, so a start neither strips types nor
// resolves modules one by one. Without dist/, or with PAYCONFORM_FROM_SOURCE set, it runs src/:
// Node's own type stripping where it is available (22.18+, 23.6+), tsx on older Nodes. src/ keeps
// to erasable syntax for this (tsconfig.runtime.json, checked by `npm run typecheck`).
// Node's own modules through getBuiltinModule where there is one: an ESM import of node:fs builds
// its ESM facade, which reads every export, and one of them loads fs streams (15 ms of each start).
const builtin = (name) => process.getBuiltinModule?.(name) ?? import(name).then((m) => m.default);
const { existsSync } = await builtin("node:fs");
(await builtin("node:module")).enableCompileCache?.();
const bundle = new URL("../dist/payconform.mjs", import.meta.url);
if (!process.env.PAYCONFORM_FROM_SOURCE && existsSync(bundle)) {
  await import(bundle.href);
} else {
  if (!process.features.typescript) {
    const { register } = await import("tsx/esm/api");
    register();
  }
  await import("../src/cli/main.ts");
}
