/**
 * No pact file carries a credential: not the sandboxes' (raw or Basic-encoded), and every
 * Basic/Bearer value and every credential header is one of the obvious placeholders.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { credentialHeaders } from "../../src/pacts/credential-headers.ts";
import { listPactFiles } from "../../src/pacts/pact-files.ts";
import { CONTRACTS_DIR } from "../../src/pacts/names.ts";
import { credentialHeaderPatterns } from "../../src/pacts/patterns.ts";
import { PLACEHOLDER_CREDENTIALS, WRONG_CREDENTIALS } from "../../src/pacts/placeholders.ts";
import { HTTP_PROVIDERS, isHttpProvider } from "../../src/providers.ts";
import { startSandbox } from "../../src/sandboxes/index.ts";

const pacts = listPactFiles(CONTRACTS_DIR);
const texts = pacts.map((p) => ({ provider: p.provider, text: readFileSync(p.file, "utf8") }));
const placeholderValues = new Set(
  HTTP_PROVIDERS.flatMap((p) => [...Object.values(credentialHeaders(p, PLACEHOLDER_CREDENTIALS[p])), ...Object.values(credentialHeaders(p, WRONG_CREDENTIALS[p]))]),
);

describe("contracts carry no credential", () => {
  it("has a pact per HTTP provider and one for the UPI SDK", () => {
    expect(pacts.map((p) => p.provider).sort()).toEqual([...HTTP_PROVIDERS, "juspay-upi"].sort());
  });

  it.each(HTTP_PROVIDERS)("holds none of the %s sandbox's credentials", async (provider) => {
    const sandbox = await startSandbox(provider);
    await sandbox.close();
    const secrets = [...Object.values(sandbox.credentials), ...Object.values(credentialHeaders(provider, sandbox.credentials))];
    for (const { text } of texts) for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it("sends only placeholder Basic and Bearer values", () => {
    const values = texts.flatMap(({ text }) => [...text.matchAll(/"((?:Basic|Bearer) [^"]*)"/g)].map((m) => m[1]));
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(placeholderValues).toContain(value);
  });

  it("records every credential header with a placeholder value", () => {
    let seen = 0;
    for (const pact of pacts) {
      if (!isHttpProvider(pact.provider)) continue;
      const names = Object.keys(credentialHeaderPatterns(pact.provider));
      for (const interaction of pact.pact.interactions as { request: { headers?: Record<string, string[]> } }[]) {
        for (const [name, values] of Object.entries(interaction.request.headers ?? {})) {
          if (!names.includes(name.toLowerCase()) || values[0] === "not-a-uuid") continue;
          seen++;
          for (const value of values) expect(placeholderValues).toContain(value);
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
