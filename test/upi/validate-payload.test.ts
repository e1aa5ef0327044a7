import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.ts";
import { PAYLOAD_CHECK_IDS, upiValidators, validatePayloads, type PayloadFinding } from "../../src/upi/index.ts";
import { readPayloadFile } from "../../src/upi/read-payload.ts";
import { annotationKeywords, UPI_SPEC_DIR } from "../../src/upi/schemas.ts";

type Json = Record<string, any>;
const examples = join(UPI_SPEC_DIR, "examples");
const example = (file: string): Json => readPayloadFile(join(examples, file)) as Json;

const request = example("request.json");
const success = example("response.json");
const failure = example("response-failure.json");

/** A deep copy of a payload with one edit applied. */
function edit(payload: Json, change: (copy: Json) => void): Json {
  const copy = structuredClone(payload);
  change(copy);
  return copy;
}

type Want = Pick<PayloadFinding, "check" | "target" | "pointer" | "severity">;
const err = (check: Want["check"], target: Want["target"], pointer: string): Want => ({ check, target, pointer, severity: "error" });

const cases: Array<[string, { request?: unknown; response?: unknown }, Want[]]> = [
  ["the repaired sample pair", { request, response: success }, []],
  ["the assumed failure example alone", { response: failure }, []],
  ["the failure example answering the sample request", { request, response: failure }, []],
  ["the sample request alone", { request }, []],
  [
    "a request missing accountReferenceId",
    { request: edit(request, (r) => delete r.payload.accountReferenceId) },
    [err("request_schema", "request", "/payload")],
  ],
  [
    "a PascalCase request (the field table's spelling)",
    { request: { RequestId: request.requestId, Service: request.service, Payload: { Action: "upiDeleteAccount", AccountReferenceId: "Ac1" } } },
    [err("request_schema", "request", ""), err("request_schema", "request", ""), err("request_schema", "request", "")],
  ],
  ["a request whose requestId is not a uuid", { request: edit(request, (r) => (r.requestId = "abcd-12345-abcd-12345")) }, [err("request_schema", "request", "/requestId")]],
  ["a request that is an array", { request: [request] }, [err("request_schema", "request", "")]],
  [
    "a response with a mismatched requestId",
    { request, response: edit(success, (r) => (r.requestId = "0f8e2f6c-1d4b-4c55-9f0e-2b7d5d1c9a11")) },
    [err("echoes_request_id", "pair", "/requestId")],
  ],
  [
    "a response with a different action",
    { request, response: edit(success, (r) => (r.payload.action = "upiAddAccount")) },
    [err("response_schema", "response", "/payload/action"), err("echoes_action", "pair", "/payload/action")],
  ],
  ["a FAILURE with error false", { response: edit(failure, (r) => (r.error = false)) }, [err("failure_has_error", "response", "/error")]],
  ["a FAILURE without error", { response: edit(failure, (r) => delete r.error) }, [err("failure_has_error", "response", "/error")]],
  ["a FAILURE with an empty errorCode", { response: edit(failure, (r) => (r.errorCode = "")) }, [err("failure_has_error", "response", "/errorCode")]],
  [
    "mpinSet as a boolean instead of \"true\"/\"false\"",
    { response: edit(success, (r) => (r.payload.vpaAccounts[0].account.mpinSet = true)) },
    [err("response_schema", "response", "/payload/vpaAccounts/0/account/mpinSet")],
  ],
  [
    "a SUCCESS without vpaAccounts",
    { response: edit(success, (r) => delete r.payload.vpaAccounts) },
    [err("response_schema", "response", "/payload")],
  ],
  ["a SUCCESS with error true", { response: edit(success, (r) => (r.error = true)) }, [err("success_has_no_error", "response", "/error")]],
  [
    "a SUCCESS with an errorCode",
    { response: edit(success, (r) => (r.errorCode = "E42")) },
    [{ check: "success_has_no_error", target: "response", pointer: "/errorCode", severity: "warning" }],
  ],
];

describe("validatePayloads", () => {
  it.each(cases)("%s", (_name, input, want) => {
    const got = validatePayloads(input).map(({ check, target, pointer, severity }) => ({ check, target, pointer, severity }));
    expect(got).toEqual(want);
  });

  it.each([
    ["a missing property found in another case", { request: { RequestId: "x" } }, /missing required property "requestId" \(found "RequestId"/],
    ["a boolean where a string boolean is documented", { response: edit(success, (r) => (r.payload.vpaAccounts[0].account.isPrimary = false)) }, /is false \(boolean\), must be one of "true", "false"/],
    ["a response that does not echo the requestId", { request, response: edit(success, (r) => (r.requestId = "other")) }, /response requestId is "other", but the request sent "8da4c755-/],
  ])("explains %s", (_name, input, message) => {
    expect(validatePayloads(input).map((finding) => finding.message)).toContainEqual(expect.stringMatching(message));
  });

  it("names only registered checks and writes one-line messages", () => {
    const findings = cases.flatMap(([, input]) => validatePayloads(input));
    expect(findings.length).toBeGreaterThan(10);
    for (const finding of findings) {
      expect(PAYLOAD_CHECK_IDS).toContain(finding.check);
      expect(finding.message).not.toMatch(/\n/);
    }
  });

  it("refuses to run with neither payload", () => {
    expect(() => validatePayloads({})).toThrow(UsageError);
  });

  it("compiles the schemas once and registers the x-payconform-* annotations", () => {
    expect(upiValidators()).toBe(upiValidators());
    const schemas = [upiValidators().request.schema, upiValidators().response.schema];
    expect(annotationKeywords(schemas)).toEqual(expect.arrayContaining(["x-payconform-assumed", "x-payconform-source"]));
    expect(annotationKeywords(schemas).every((keyword) => keyword.startsWith("x-payconform-"))).toBe(true);
  });
});
