/**
 * What a run refuses before any connection: bad URLs, production hosts of any spec, missing
 * credentials of any selected provider, unusable fixture lists and files. Each row runs
 * checkTargetOptions alone, which opens no socket.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.ts";
import { resolveRunOptions, type RunOptions } from "../../src/runner/options.ts";
import { checkTargetOptions } from "../../src/runner/target.ts";
import { removeTempDirs, tempDir } from "./harness.ts";

afterEach(() => removeTempDirs());

const ENKASH = { ENKASH_ACCESS_TOKEN: "test-token-0001" };
const ALL = {
  ...ENKASH,
  JUSPAY_API_KEY: "test-key-0001",
  YUNO_PUBLIC_API_KEY: "test-public-0001",
  YUNO_PRIVATE_SECRET_KEY: "test-secret-0001",
  YUNO_ACCOUNT_CODE: "0b5e4b5e-0000-4000-8000-000000000000",
  CASHFREE_CLIENT_ID: "test-client-0001",
  CASHFREE_CLIENT_SECRET: "test-client-secret-0001",
};
const LOCAL = "http://127.0.0.1:9";

function file(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

const check = (partial: Partial<RunOptions>): void => checkTargetOptions(resolveRunOptions({ env: {}, ...partial }));

describe("refused before any connection", () => {
  const rows: Array<[string, () => Partial<RunOptions>, RegExp]> = [
    ["a --target that is not a URL", () => ({ target: "127.0.0.1:9" }), /--target "127\.0\.0\.1:9" is not a URL/],
    ["a --target that is not http(s)", () => ({ target: "ftp://127.0.0.1/" }), /--target must be an http or https URL, got ftp:/],
    ["a --target carrying credentials", () => ({ target: "http://user:hunter2@127.0.0.1:9", env: ALL }), /^--target must not carry credentials; set them in environment variables/],
    ["Juspay's production host", () => ({ target: "https://api.juspay.in", env: ALL }), /juspay's production server/],
    ["Juspay's production host in capitals with a trailing dot", () => ({ target: "https://API.Juspay.IN./v2", env: ALL }), /juspay's production server/],
    ["Juspay's production host on another port", () => ({ target: "http://api.juspay.in:8080", env: ALL }), /juspay's production server/],
    ["Yuno's production host for an EnKash run", () => ({ providers: ["enkash"], target: "https://api.y.uno/v1", env: ENKASH }), /yuno's production server/],
    ["Cashfree's production host", () => ({ target: "https://app.flowwise.com/router", env: ALL }), /cashfree's production server/],
    ["--allow-production, then the first missing credential", () => ({ target: "https://api.juspay.in", allowProduction: true }), /^juspay: set JUSPAY_API_KEY/],
    ["a later provider's missing credentials", () => ({ providers: ["enkash", "cashfree"], target: LOCAL, env: ENKASH }), /^cashfree: set CASHFREE_CLIENT_ID, CASHFREE_CLIENT_SECRET/],
    ["a --state-url that is not a URL, even for the embedded sandbox", () => ({ stateUrl: "nowhere" }), /--state-url "nowhere" is not a URL/],
    ["an unreadable --fixtures file, even for the embedded sandbox", () => ({ providers: ["enkash"], fixturesFile: "/nonexistent/fixtures.json" }), /cannot read fixtures file \/nonexistent\/fixtures\.json: ENOENT/],
    ["a --fixtures file that is not JSON", () => ({ providers: ["enkash"], fixturesFile: file("f.json", "enkash: [KC1]") }), /fixtures file .*f\.json is not valid JSON/],
    ["a --fixtures entry without the path parameters", () => ({ providers: ["juspay"], fixturesFile: file("f.json", '{"juspay": ["cst_1"]}') }), /: \$\.juspay\[0\] must be an object keyed by customer_id, customer_account_id, got the string "cst_1"$/],
    ["a --fixtures entry missing one path parameter", () => ({ providers: ["juspay"], fixturesFile: file("f.json", '{"juspay": [{"customer_id": "cst_1"}]}') }), /: \$\.juspay\[0\]\.customer_account_id must be a non-empty string, got nothing$/],
    ["a --fixtures entry that is an object, not a list", () => ({ providers: ["enkash"], fixturesFile: file("f.json", '{"enkash": {"customerId": "KC1"}}') }), /: \$\.enkash must be an array of fixtures \(each a string id or an object keyed by customerId\), got an object$/],
    ["a --fixtures key that is not a provider (case matters)", () => ({ providers: ["enkash"], fixturesFile: file("f.json", '{"Enkash": ["KC1"]}') }), /: \$\.Enkash is not a provider \(expected one of juspay, yuno, cashfree, enkash\)$/],
    ["a --fixtures file holding an array", () => ({ providers: ["enkash"], fixturesFile: file("f.json", "[1,2,3]") }), /: \$ must be an object keyed by provider \(juspay, yuno, cashfree, enkash\), got an array$/],
    ["a --fixtures file holding null", () => ({ providers: ["enkash"], fixturesFile: file("f.json", "null") }), /: \$ must be an object keyed by provider \(juspay, yuno, cashfree, enkash\), got null$/],
    ["a --fixtures entry for a provider the run does not select", () => ({ providers: ["enkash"], fixturesFile: file("f.json", '{"enkash": ["KC1"], "yuno": [7]}') }), /: \$\.yuno\[0\] must be a string id or an object keyed by customer_id, got the number 7$/],
    ["a credential shorter than 8 characters", () => ({ providers: ["enkash"], target: LOCAL, env: { ENKASH_ACCESS_TOKEN: "a" } }), /^enkash: ENKASH_ACCESS_TOKEN is shorter than 8 characters; .*masking/],
    ["a fixture list in the environment that is not JSON", () => ({ providers: ["enkash"], target: LOCAL, env: { ...ENKASH, PAYCONFORM_ENKASH_FIXTURES: "[KC1" } }), /PAYCONFORM_ENKASH_FIXTURES is not valid JSON/],
  ];
  it.each(rows)("%s", (_name, options, message) => {
    expect(() => check(options())).toThrow(UsageError);
    expect(() => check(options())).toThrow(message);
  });

  it("a refusal never quotes a password given in the URL", () => {
    expect(() => check({ target: "http://user:hunter2@127.0.0.1:9" })).toThrow(expect.objectContaining({ message: expect.not.stringContaining("hunter2") }));
  });
});

describe("accepted", () => {
  it.each([
    ["the embedded sandboxes", () => ({})],
    ["a loopback target with every credential", () => ({ target: LOCAL, env: ALL })],
    ["a sandbox host of a spec", () => ({ target: "https://sandbox.juspay.in", env: ALL })],
    ["--allow-production with credentials", () => ({ target: "https://api.juspay.in", allowProduction: true, env: ALL })],
    ["a fixtures file naming only some providers", () => ({ fixturesFile: file("f.json", '{"enkash": ["KC1"]}') })],
  ] as Array<[string, () => Partial<RunOptions>]>)("%s", (_name, options) => {
    expect(() => check(options())).not.toThrow();
  });
});
