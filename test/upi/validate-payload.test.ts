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
const warn = (check: Want["check"], target: Want["target"], pointer: string): Want => ({ check, target, pointer, severity: "warning" });
const account = "/payload/vpaAccounts/0/account";

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
  ["udfParameters as JSON text of an object", { request: edit(request, (r) => (r.payload.udfParameters = '{"udf1":"a"}')) }, []],
  ["udfParameters as form text", { request: edit(request, (r) => (r.payload.udfParameters = "udf1=a&udf2=b")) }, [err("udf_parameters_json", "request", "/payload/udfParameters")]],
  ["udfParameters empty", { request: edit(request, (r) => (r.payload.udfParameters = "")) }, [err("udf_parameters_json", "request", "/payload/udfParameters")]],
  ["udfParameters as JSON text of an array", { request: edit(request, (r) => (r.payload.udfParameters = "[1,2]")) }, [warn("udf_parameters_json", "request", "/payload/udfParameters")]],
  ["udfParameters as an object, not a string", { request: edit(request, (r) => (r.payload.udfParameters = { udf1: "a" })) }, [err("request_schema", "request", "/payload/udfParameters")]],
  ["a version-1 uuid requestId", { request: edit(request, (r) => (r.requestId = "8da4c755-0c82-1efb-a1b3-5ba8c84c659b")) }, [err("request_schema", "request", "/requestId")]],
  ["a uuid-v4 requestId of another variant", { request: edit(request, (r) => (r.requestId = "8da4c755-0c82-4efb-c1b3-5ba8c84c659b")) }, [err("request_schema", "request", "/requestId")]],
  ["an upper-case uuid-v4 requestId", { request: edit(request, (r) => (r.requestId = r.requestId.toUpperCase())) }, []],
  ["a response requestId that is not a uuid-v4", { response: edit(success, (r) => (r.requestId = "abcd-12345-abcd-12345")) }, [err("response_schema", "response", "/requestId")]],
  ["an accountReferenceId of spaces", { request: edit(request, (r) => (r.payload.accountReferenceId = "   ")) }, [err("request_schema", "request", "/payload/accountReferenceId")]],
  ["an accountReferenceId of a zero-width space", { request: edit(request, (r) => (r.payload.accountReferenceId = "\u200b")) }, [err("request_schema", "request", "/payload/accountReferenceId")]],
  ["an accountReferenceId with a zero-width space after visible text", { request: edit(request, (r) => (r.payload.accountReferenceId = "abc\u200b")) }, []],
  ["an empty customerMobileNumber", { response: edit(success, (r) => (r.payload.customerMobileNumber = "")) }, [err("response_schema", "response", "/payload/customerMobileNumber")]],
  ["an empty referenceId", { response: edit(success, (r) => (r.payload.vpaAccounts[0].account.referenceId = "")) }, [err("response_schema", "response", `${account}/referenceId`)]],
  ["an empty vpa", { response: edit(success, (r) => (r.payload.vpaAccounts[0].vpa = "")) }, [err("response_schema", "response", "/payload/vpaAccounts/0/vpa")]],
  ["a vpa of spaces", { response: edit(success, (r) => (r.payload.vpaAccounts[0].vpa = " \t ")) }, [err("response_schema", "response", "/payload/vpaAccounts/0/vpa")]],
  ["a maskedAccountNumber of digits alone (not masked)", { response: edit(success, (r) => (r.payload.vpaAccounts[0].account.maskedAccountNumber = "50100012203891")) }, [err("response_schema", "response", `${account}/maskedAccountNumber`)]],
  ["a maskedAccountNumber masked with asterisks", { response: edit(success, (r) => (r.payload.vpaAccounts[0].account.maskedAccountNumber = "****3891")) }, []],
  ["an unmasked customerMobileNumber in another format (the sample is unmasked too)", { response: edit(success, (r) => (r.payload.customerMobileNumber = "+91 12345 67891")) }, []],
  ["a SUCCESS with no remaining vpaAccounts: the last account deleted", { response: edit(success, (r) => (r.payload.vpaAccounts = [])) }, [warn("last_account_kept", "response", "/payload/vpaAccounts")]],
  ["an empty optional accountNumber", { response: edit(success, (r) => (r.payload.vpaAccounts[0].account.accountNumber = "")) }, []],
  ["mpinLength \"abc\"", { response: edit(success, (r) => (r.payload.vpaAccounts[0].account.mpinLength = "abc")) }, [warn("response_schema", "response", `${account}/mpinLength`)]],
  ["a full-width mpinLength", { response: edit(success, (r) => (r.payload.vpaAccounts[0].account.mpinLength = "\uff16")) }, [warn("response_schema", "response", `${account}/mpinLength`)]],
  ["otpLength \"six\"", { response: edit(success, (r) => (r.payload.vpaAccounts[0].account.otpLength = "six")) }, [warn("response_schema", "response", `${account}/otpLength`)]],
  ["mpinLength as a number", { response: edit(success, (r) => (r.payload.vpaAccounts[0].account.mpinLength = 6)) }, [err("response_schema", "response", `${account}/mpinLength`)]],
  ["an empty mpinLength", { response: edit(success, (r) => (r.payload.vpaAccounts[0].account.mpinLength = "")) }, [err("response_schema", "response", `${account}/mpinLength`)]],
  ["account as an array (the table's tag)", { response: edit(success, (r) => (r.payload.vpaAccounts[0].account = [r.payload.vpaAccounts[0].account])) }, [err("response_schema", "response", account)]],
  ["a response without requestId (assumed required)", { response: edit(success, (r) => delete r.requestId) }, [warn("response_schema", "response", "")]],
  ["isDefault \"yes\" (assumed field)", { response: edit(success, (r) => (r.payload.vpaAccounts[0].isDefault = "yes")) }, [warn("response_schema", "response", "/payload/vpaAccounts/0/isDefault")]],
  [
    "a SUCCESS that still lists the deleted account",
    { request: edit(request, (r) => (r.payload.accountReferenceId = success.payload.vpaAccounts[0].account.referenceId)), response: success },
    [warn("deleted_account_not_listed", "pair", `${account}/referenceId`)],
  ],
  [
    "a FAILURE that lists the account it did not delete",
    {
      request: edit(request, (r) => (r.payload.accountReferenceId = success.payload.vpaAccounts[0].account.referenceId)),
      response: edit(failure, (r) => (r.payload.vpaAccounts = success.payload.vpaAccounts)),
    },
    [],
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
    ["a requestId like the page's own example", { request: edit(request, (r) => (r.requestId = "abcd-12345-abcd-12345")) }, /is "abcd-12345-abcd-12345", must be a uuid-v4 .*page contradiction "requestId shape": .*own example, abcd-12345-abcd-12345, is not a UUID/],
    ["an account sent as an array", { response: edit(success, (r) => (r.payload.vpaAccounts[0].account = [])) }, /is array, must be object \(page contradiction "account shape": The table tags Account .* as Array of JSON/],
    ["a blank mandatory string", { request: edit(request, (r) => (r.payload.accountReferenceId = "  ")) }, /is "  ", must be text with a visible character/],
    ["a length that is not digits", { response: edit(success, (r) => (r.payload.vpaAccounts[0].account.mpinLength = "abc")) }, /is "abc", must be ASCII digits 0-9 \(assumed\)/],
    ["udfParameters that is not JSON", { request: edit(request, (r) => (r.payload.udfParameters = "")) }, /is "", which is not JSON text; .* send "\{\}" or leave udfParameters out/],
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
