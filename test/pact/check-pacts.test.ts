/**
 * check-pacts: the committed contracts are clean; each deliberately broken copy is reported by
 * the check that owns the departure, at the JSON path of the broken field; the CLI exits 1 on a
 * finding, 0 when clean and 2 on an unreadable file.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkPacts, type PactCheckId } from "../../src/pacts/check/index.ts";
import { CONTRACTS_DIR, pactFileName } from "../../src/pacts/names.ts";
import { tempDir, writeBrokenPact, type BrokenPact } from "./support/broken-pacts.ts";
import { payconform } from "./support/cli.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Case extends BrokenPact {
  check: PactCheckId;
  /** JSON path below `$.interactions[i]`. */
  at: string;
}

const cases: Case[] = [
  {
    name: "cashfree-undocumented-status", provider: "cashfree", description: "a delete of a customer that does not exist",
    edit: (i) => { i.response.status = 410; },
    check: "response_status_documented", at: ".response.status",
  },
  {
    name: "enkash-status-matcher-accepts-418", provider: "enkash", description: "a delete with a customerId that breaks ^KC[A-Z0-9]{14}$",
    edit: (i) => { i.response.matchingRules.status.$.matchers[0].status.push(418); },
    check: "response_status_documented", at: ".response.matchingRules.status",
  },
  {
    name: "cashfree-error-without-type", provider: "cashfree", description: "a delete with wrong credentials",
    edit: (i) => { delete i.response.body.content.type; },
    check: "response_body_schema", at: ".response.body.content.type",
  },
  {
    name: "juspay-404-without-error-info", provider: "juspay", description: "a delete of a customer account that does not exist",
    edit: (i) => { delete i.response.body.content.error_info; },
    check: "response_body_schema", at: ".response.body.content.error_info",
  },
  {
    name: "enkash-id-breaks-pattern", provider: "enkash", description: "a delete of an existing customer",
    edit: (i) => { i.request.path = "/api/v0/customer/KC1A2B3C4D5E6F7g"; },
    check: "path_parameter_pattern", at: ".request.path",
  },
  {
    name: "enkash-loose-path-matcher", provider: "enkash", description: "a delete of a customer that does not exist",
    edit: (i) => { i.request.matchingRules.path.matchers[0].regex = "^/api/v0/customer/KC[A-Za-z0-9]{14}$"; },
    check: "path_matcher_within_spec", at: ".request.matchingRules.path",
  },
  {
    name: "cashfree-undocumented-path", provider: "cashfree", description: "a delete of an existing customer",
    edit: (i) => { i.request.path = "/customers/cust_priya_sharma_2024"; delete i.request.matchingRules.path; },
    check: "operation_exists", at: ".request.path",
  },
  {
    name: "juspay-command-remove-succeeds", provider: "juspay", description: "a delete of an existing customer account",
    edit: (i) => { i.request.body.content = "command=remove"; },
    check: "request_body_schema", at: ".request.body.content.command",
  },
  {
    name: "yuno-success-without-keys", provider: "yuno", description: "a delete of an existing customer",
    edit: (i) => { delete i.request.headers["private-secret-key"]; },
    check: "credentials_present", at: ".request.headers",
  },
  {
    name: "yuno-account-code-not-uuid", provider: "yuno", description: "a delete of a customer that does not exist",
    edit: (i) => { i.request.headers["x-account-code"] = ["acct-1"]; i.response.status = 202; delete i.response.body; },
    check: "header_parameter_pattern", at: '.request.headers["x-account-code"]',
  },
  {
    name: "yuno-202-with-body", provider: "yuno", description: "a delete of an existing customer",
    edit: (i) => { i.response.body = { content: { status: "DELETED" }, contentType: "application/json", encoded: false }; },
    check: "response_content_type", at: ".response.body.content",
  },
  {
    name: "upi-failure-without-error", provider: "juspay-upi", description: "an upiDeleteAccount request for the primary account",
    edit: (i) => { i.response[0].contents.content.error = false; },
    check: "message_payload", at: ".response[0].contents.content",
  },
];

describe("check-pacts", () => {
  it("finds nothing in the committed contracts", () => {
    expect(checkPacts()).toEqual([]);
  });

  it("reports a pact with no interaction: it promises nothing", () => {
    const pact = JSON.parse(readFileSync(join(CONTRACTS_DIR, pactFileName("enkash")), "utf8"));
    const file = join(dir, "empty.json");
    writeFileSync(file, JSON.stringify({ ...pact, interactions: [] }));
    expect(checkPacts([file])).toMatchObject([{ check: "has_interactions", path: "$.interactions" }]);
  });

  it.each(cases)("reports $name with $check", (c) => {
    const { file, index } = writeBrokenPact(dir, c);
    const findings = checkPacts([file]);
    expect(findings.map((f) => f.check)).toContain(c.check);
    const finding = findings.find((f) => f.check === c.check)!;
    expect(finding.interaction).toBe(c.description);
    expect(finding.path.startsWith(`$.interactions[${index}]${c.at}`)).toBe(true);
  });

  it("exits 1 on a pact whose response status the spec does not document, naming interaction and path", async () => {
    const { file, index } = writeBrokenPact(dir, { ...cases[0], name: "cli-undocumented-status" });
    const result = await payconform(["check-pacts", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`$.interactions[${index}].response.status`);
    expect(result.stdout).toContain("a delete of a customer that does not exist");
  });

  it("exits 0 on the committed contracts", async () => {
    const result = await payconform(["check-pacts", `${CONTRACTS_DIR}/${pactFileName("enkash")}`, `${CONTRACTS_DIR}/${pactFileName("juspay-upi")}`]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
  });

  it("exits 2 with one line on a file that is not a pact", async () => {
    const result = await payconform(["check-pacts", `${CONTRACTS_DIR}/missing.json`]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
