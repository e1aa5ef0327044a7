/**
 * .ci/run runs exactly README's test command, after installing Debian's Chromium (for the browser
 * test of report.html) only where the machine lacks it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/providers.ts";

const script = readFileSync(join(PROJECT_ROOT, ".ci/run"), "utf8");
const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");

describe(".ci/run", () => {
  it("ends with README's test command", () => {
    const commands = script.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
    expect(commands.at(-1)).toBe("npm ci && npm test");
    expect(readme).toMatch(/^npm ci && npm test +#/m);
  });

  it("installs Chromium from Debian only when /usr/bin/chromium is missing, where the browser test looks for it", () => {
    expect(script).toMatch(/if \[ ! -x \/usr\/bin\/chromium \]; then\n(.*\n)*.*apt-get update\n.*apt-get install -y chromium\nfi\n/);
    expect(readFileSync(join(PROJECT_ROOT, "test/reporters/html-browser.test.ts"), "utf8")).toContain('executablePath: "/usr/bin/chromium"');
  });
});
