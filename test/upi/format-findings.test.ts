import { describe, expect, it } from "vitest";
import { formatFindings, summarizeFindings, type PayloadFinding } from "../../src/upi/index.ts";

const schemaError: PayloadFinding = { check: "request_schema", target: "request", pointer: "/payload", message: 'missing required property "accountReferenceId"', severity: "error" };
const rootError: PayloadFinding = { check: "request_schema", target: "request", pointer: "", message: "is array, must be object", severity: "error" };
const warning: PayloadFinding = { check: "success_has_no_error", target: "response", pointer: "/errorCode", message: 'payload.status is "SUCCESS" but errorCode is "E42"', severity: "warning" };

describe("formatFindings", () => {
  it.each([
    ["nothing", [], ""],
    ["an error", [schemaError], '[request_schema] request#/payload: missing required property "accountReferenceId"'],
    ["an error on the whole payload", [rootError], "[request_schema] request#: is array, must be object"],
    ["a warning", [warning], '[success_has_no_error] response#/errorCode: payload.status is "SUCCESS" but errorCode is "E42" (warning)'],
    ["two findings", [schemaError, warning], `${formatFindings([schemaError])}\n${formatFindings([warning])}`],
  ])("renders %s", (_name, findings, want) => {
    expect(formatFindings(findings)).toBe(want);
  });
});

describe("summarizeFindings", () => {
  it.each([
    ["no findings", [], "PASS: no findings"],
    ["warnings only", [warning], "PASS: 1 warning"],
    ["errors and warnings", [schemaError, rootError, warning], "FAIL: 2 errors, 1 warning"],
    ["one error", [schemaError], "FAIL: 1 error"],
  ])("summarizes %s", (_name, findings, want) => {
    expect(summarizeFindings(findings)).toBe(want);
  });
});
