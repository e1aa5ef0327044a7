#!/usr/bin/env node
// Entry point of the `payconform` command. Node's own type stripping loads the TypeScript CLI
// where it is available (Node 22.18+, 23.6+); older Nodes go through tsx. src/ keeps to erasable
// syntax for this (tsconfig.runtime.json, checked by `npm run typecheck`).
if (!process.features.typescript) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import("../src/cli/main.ts");
