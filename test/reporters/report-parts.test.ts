/**
 * Long reports are written a piece at a time (src/output.ts writeOutputFileParts): the file is
 * the same text as one whole write would give, masked, whatever the pieces; and conformance.json
 * built a result at a time is exactly JSON.stringify's text.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MASK, protectSecrets, writeOutputFileParts } from "../../src/output.ts";
import { jsonParts } from "../../src/reporters/json.ts";
import type { Result } from "../../src/runner/events.ts";

const dir = mkdtempSync(join(tmpdir(), "payconform-parts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const result = (i: number, extra: Partial<Result> = {}): Result => ({
  provider: "enkash",
  operationId: "deleteCustomerByCustomerId",
  check: "status_code_conformance",
  case: `case ${i} "quoted" \\ and\nbroken`,
  outcome: i % 3 === 0 ? "failed" : "passed",
  message: "m",
  basis: "documented",
  ...extra,
});

describe("writing a report in parts", () => {
  it("masks a secret wherever the pieces are cut, and writes what one whole write would", () => {
    const secret = "part-secret-0123456789";
    const release = protectSecrets([secret]);
    try {
      // Lines of 1 KB around the 1 MiB pieces, the secret in some of them, split into parts at odd places.
      const lines = Array.from({ length: 3000 }, (_, i) => `${i % 97 === 0 ? secret : "x"}${"y".repeat(1000)}${i % 89 === 0 ? encodeURIComponent(secret) : ""}\n`);
      const text = lines.join("");
      const parts: string[] = [];
      for (let at = 0; at < text.length; at += 777) parts.push(text.slice(at, at + 777));
      const file = join(dir, "parts.txt");
      writeOutputFileParts(file, parts);
      const written = readFileSync(file, "utf8");
      expect(written).not.toContain(secret);
      expect(written).not.toContain(encodeURIComponent(secret));
      expect(written).toBe(text.split(secret).join(MASK).split(encodeURIComponent(secret)).join(MASK));
    } finally {
      release();
    }
  });

  it("masks a secret that holds a line break, across the pieces", () => {
    const secret = "multi\nline-secret-value";
    const release = protectSecrets([secret]);
    try {
      const text = `${"a".repeat(1 << 20)}\n${secret}\n`;
      const file = join(dir, "multiline.txt");
      writeOutputFileParts(file, [text.slice(0, (1 << 20) + 4), text.slice((1 << 20) + 4)]);
      expect(readFileSync(file, "utf8")).toBe(`${"a".repeat(1 << 20)}\n${MASK}\n`);
    } finally {
      release();
    }
  });
});

describe("conformance.json a result at a time", () => {
  it.each([0, 1, 5, 1100])("is JSON.stringify's text with %i results", (count) => {
    const results = Array.from({ length: count }, (_, i) => result(i, i === 1 ? { curl: "curl -X DELETE 'http://x/a b'", expected: "404", actual: "200" } : {}));
    const head = { summary: { passed: 1 }, metadata: { tool: "payconform", providers: ["enkash"] } };
    expect([...jsonParts(head, results)].join("")).toBe(`${JSON.stringify({ ...head, results }, null, 2)}\n`);
  });
});
