/**
 * What `npm run generate` works out ahead of time for a run: each provider's spec read
 * (generated/<provider>/document.json) and its schemas compiled (generated/<provider>/*-validators.ts).
 * Both must be what reading and compiling at run time would give, and a run must notice when the
 * spec files have changed since.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HTTP_PROVIDERS, specFile } from "../../src/providers.ts";
import { createProfileAjv, type AjvProfile } from "../../src/spec/ajv-profiles.ts";
import { buildSpec, loadSpec, readDocument, readDocumentAndSources } from "../../src/spec/load.ts";
import { isPrecompiled, validatorFor } from "../../src/spec/precompiled.ts";
import { preReadDocument, readPreRead, renderPreRead } from "../../src/spec/pre-read.ts";

const scratch = mkdtempSync(join(tmpdir(), "payconform-ahead-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(HTTP_PROVIDERS)("%s", (provider) => {
  it("reads the same document from generated/ as from the YAML", () => {
    expect(preReadDocument(provider)).toEqual(readDocument(specFile(provider)));
  });

  it("has every schema a run validates against compiled ahead of time, and those validators answer as Ajv does now", () => {
    const spec = buildSpec(provider, specFile(provider), readDocument(specFile(provider)));
    const uses: Array<[AjvProfile, object]> = [];
    for (const op of spec.operations) {
      for (const r of op.responses) if (r.schema) uses.push(["response", r.schema]);
      for (const schema of [...op.parameters.map((p) => p.schema), op.requestBody?.schema]) if (schema) uses.push(["value", schema], ["response", schema]);
    }
    expect(uses.length).toBeGreaterThan(0);
    const samples = (op: (typeof spec.operations)[number]): unknown[] => [
      ...op.responses.flatMap((r) => r.examples),
      ...op.parameters.map((p) => p.example),
      {},
      { code: 7, message: null, extra: true },
      "KC0000000000000",
      "",
      42,
      null,
    ];
    for (const [profile, schema] of uses) {
      expect(isPrecompiled(profile, schema), `${profile} ${JSON.stringify(schema).slice(0, 80)}`).toBe(true);
      const ahead = validatorFor(profile, schema);
      const now = createProfileAjv(profile).compile(schema);
      for (const value of spec.operations.flatMap(samples)) {
        expect(ahead(value), JSON.stringify(value)).toBe(now(value));
        expect(ahead.errors ?? null).toEqual(now.errors ?? null);
      }
    }
  });
});

describe("the pre-read document", () => {
  const copy = (name: string): { file: string; folder: string } => {
    const folder = join(scratch, name, "spec");
    cpSync(dirname(specFile("yuno")), folder, { recursive: true });
    const { document, sources } = readDocumentAndSources(join(folder, "overlay.yaml"));
    const file = join(scratch, name, "document.json");
    writeFileSync(file, renderPreRead(document, sources));
    return { file, folder };
  };

  it("is used while every file it was read from is as it was", () => {
    const { file, folder } = copy("same");
    expect(readPreRead(file, folder)).toEqual(readDocument(specFile("yuno")));
  });

  it.each(["overlay.yaml", "upstream.yaml"])("is not used once %s has changed", (changed) => {
    const { file, folder } = copy(`changed-${changed}`);
    appendFileSync(join(folder, changed), "\n# edited\n");
    expect(readPreRead(file, folder)).toBeUndefined();
  });

  it("is not used when it is missing or unreadable", () => {
    const { file, folder } = copy("broken");
    writeFileSync(file, "{ not json");
    expect(readPreRead(file, folder)).toBeUndefined();
    expect(readPreRead(join(scratch, "absent.json"), folder)).toBeUndefined();
  });

  it("gives loadSpec the spec the YAML gives", () => {
    for (const provider of HTTP_PROVIDERS) {
      const fromYaml = buildSpec(provider, specFile(provider), readDocument(specFile(provider)));
      expect(loadSpec(provider).operations).toEqual(fromYaml.operations);
    }
  });
});
