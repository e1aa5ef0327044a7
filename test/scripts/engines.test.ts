/**
 * package.json's `engines` and README agree on what installing needs (Node and npm), so that
 * `npm ci` on the Node README documents warns about no engine of payconform's own.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/providers.ts";

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { engines: Record<string, string>; devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { engines?: Record<string, string> }> };
const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");

describe("engines", () => {
  it("are what README's quick start says installing needs", () => {
    const [, node, npm] = /\(Node >= (\d+) with npm (\d+) to install;/.exec(readme) ?? [];
    expect(node, "README names the Node and npm needed to install").toBeDefined();
    expect(pkg.engines).toEqual({ node: `>=${node}`, npm: `>=${npm}` });
  });

  it("are the lockfile's, which npm ci reads", () => {
    expect(lock.packages[""].engines).toEqual(pkg.engines);
  });

  it("leave running to the Node that npm ci pins, which README names", () => {
    const pinned = pkg.devDependencies.node;
    expect(readme).toContain(`the Node ${pinned.split(".")[0]} that`);
  });
});
