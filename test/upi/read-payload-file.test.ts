import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.ts";
import { validatePayloads } from "../../src/upi/index.ts";
import { duplicateNamesIn, readPayloadFile } from "../../src/upi/read-payload.ts";
import { UPI_SPEC_DIR } from "../../src/upi/schemas.ts";

const examples = join(UPI_SPEC_DIR, "examples");
const scratch = mkdtempSync(join(tmpdir(), "payconform-upi-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, text: string | Buffer): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

describe("readPayloadFile", () => {
  it.each([
    ["the verbatim request sample (trailing comma)", join(examples, "request.doc.txt"), /^invalid JSON in payload file .*request\.doc\.txt at line 7, column 3: /],
    ["the verbatim response sample (repeated key)", join(examples, "response.doc.txt"), /^invalid JSON in payload file .*response\.doc\.txt at line 5, column 33: /],
    ["a missing file", join(scratch, "absent.json"), /^cannot read payload file .*absent\.json: no such file$/],
    ["a directory", scratch, /^cannot read payload file .*: it is a directory$/],
    ["an empty file", scratchFile("empty.json", ""), /^invalid JSON in payload file .*empty\.json: Unexpected end of JSON input$/],
    ["a parser message that quotes the input", scratchFile("quoted.json", '{"a":\n\n tru}'), /^invalid JSON in payload file .*quoted\.json: Unexpected token '}'$/],
    ["a parser message that quotes the input's start", scratchFile("form.txt", "service=in.juspay.hyperapi&action=upiDeleteAccount\n"), /^invalid JSON in payload file .*form\.txt: Unexpected token 's'$/],
    ["a 0xFF byte inside a string", scratchFile("ff.json", Buffer.from([...Buffer.from('{"requestId":"r'), 0xff, ...Buffer.from('1"}')])), /^cannot read payload file .*ff\.json: byte 0xFF at byte offset 15 is not UTF-8; JSON must be UTF-8 \(RFC 8259 §8\.1\)$/],
    ["a UTF-16 file", scratchFile("utf16.json", Buffer.from('\uFEFF{"requestId":"r1"}', "utf16le")), /^cannot read payload file .*utf16\.json: it is UTF-16 \(byte order mark FF FE\)/],
  ])("rejects %s with a one-line UsageError", (_name, file, message) => {
    let thrown: unknown;
    try {
      readPayloadFile(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toMatch(/\n/);
  });

  it.each([
    ["a repaired sample", join(examples, "request.json"), "8da4c755-0c82-4efb-a1b3-5ba8c84c659b"],
    ["a file saved with a byte order mark", scratchFile("bom.json", '\uFEFF{"requestId":"r1"}'), "r1"],
  ])("parses %s", (_name, file, requestId) => {
    expect(readPayloadFile(file)).toMatchObject({ requestId });
  });

  it("keeps the names a payload repeats beside it, for unique_member_names", () => {
    const file = scratchFile("dup.json", '{"service":"in.juspay.hyperapi","payload":{"accountReferenceId":"A1","accountReferenceId":"B2"}}');
    const request = readPayloadFile(file);
    expect(duplicateNamesIn(request)).toEqual([{ pointer: "/payload/accountReferenceId", name: "accountReferenceId", count: 2 }]);
    const findings = validatePayloads({ request }).filter((finding) => finding.check === "unique_member_names");
    expect(findings).toEqual([
      expect.objectContaining({ target: "request", pointer: "/payload/accountReferenceId", severity: "error", message: expect.stringMatching(/occurs 2 times.*RFC 8259 §4/) }),
    ]);
  });

  it("has no duplicate names for a payload it did not read", () => {
    expect(duplicateNamesIn(JSON.parse('{"a":1,"a":2}'))).toEqual([]);
    expect(duplicateNamesIn(null)).toEqual([]);
  });
});
