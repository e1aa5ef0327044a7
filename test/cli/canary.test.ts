/**
 * No credential leaves payconform, from any command, in any encoding. Every command runs with
 * canary credentials for all four providers in its environment; run and verify-pacts go against
 * a target on 127.0.0.1 that echoes every form of the canaries back, check-pacts reads a pact
 * and validate-payload payloads that hold every form. Every output (stdout, stderr, every report
 * file) is then searched for every form of every canary: raw, percent-encoded in both cases,
 * base64 and base64url of the value and of `value:`, hex in both cases, JSON `\u` escapes, and
 * any 12-character piece of the raw value. Where a command had a canary to print, the output
 * shows `***` instead. As stdout is a pipe here, no output holds a colour escape code either.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONTRACTS_DIR, pactFileName } from "../../src/pacts/names.ts";
import { HTTP_PROVIDERS, type HttpProvider } from "../../src/providers.ts";
import { ALL_CANARIES, ALL_CANARY_ENV, CANARIES, canaryForms, canaryHits, startEchoingTarget } from "../support/canary.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { closeTargets } from "../runner/targets.ts";
import { runCli, startCli, type CliResult } from "./spawn-cli.ts";

afterAll(async () => {
  await closeTargets();
  removeTempDirs();
});

/** Every form of every canary, space-separated: what a hostile input carries. */
const EVERY_FORM = ALL_CANARIES.flatMap((c) => Object.values(canaryForms(c))).join(" ");

function outputsOf(result: CliResult, dir?: string): Record<string, string> {
  const outputs: Record<string, string> = { stdout: result.stdout, stderr: result.stderr };
  for (const name of dir ? readdirSync(dir) : []) outputs[name] = readFileSync(join(dir!, name), "utf8");
  return outputs;
}

/** No canary in any form, and (stdout being a pipe here, not a terminal) no colour escape either. */
function expectNoCanary(outputs: Record<string, string>): void {
  expect(canaryHits(outputs)).toEqual([]);
  for (const [where, text] of Object.entries(outputs)) expect(text.includes("\u001b["), `an escape code in ${where}`).toBe(false);
}

const cli = (args: string[]): Promise<CliResult> => runCli(args, { env: { ...ALL_CANARY_ENV, PACT_DO_NOT_TRACK: "true" } });

describe("payconform run against a target that echoes every form of the credentials", () => {
  it.concurrent.each(HTTP_PROVIDERS)("%s", async (provider: HttpProvider) => {
    const target = await startEchoingTarget(provider);
    const dir = tempDir();
    const result = await cli(["run", "--provider", provider, "--target", target.baseUrl, "--state-url", target.stateUrl, "--report-dir", dir]);

    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")) as { results: Array<{ check: string; outcome: string; actual?: string }> };
    const echoes = report.results.filter((r) => r.check === "no_secret_echo" && r.outcome === "failed");
    expect(echoes.length).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(["conformance.json", "junit.xml", "report.html", "summary.md"]);
    expect(result.stdout).toContain("***");
    expectNoCanary(outputsOf(result, dir));
  });
});

describe("payconform run --reporter github against a target that echoes every form of the credentials", () => {
  it("prints its workflow commands with the canaries masked", async () => {
    const target = await startEchoingTarget("cashfree");
    const dir = tempDir();
    const result = await cli(["run", "--provider", "cashfree", "--target", target.baseUrl, "--state-url", target.stateUrl, "--report-dir", dir, "--reporter", "github"]);

    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^::error title=payconform cashfree no_secret_echo::/m);
    expect(result.stdout).toContain("***");
    expectNoCanary(outputsOf(result, dir));
  });
});

describe("payconform serve with the canaries as its credentials", () => {
  it("prints none of them, in its banner or its request log, while a run goes against it", async () => {
    const served = startCli(["serve", "--provider", "yuno", "--port", "0"], { env: ALL_CANARY_ENV });
    let out = "";
    served.child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    for (let i = 0; i < 600 && !/^ {2}try: /m.test(out); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const url = (name: string): string => new RegExp(`^ {2}${name}: +(\\S+)`, "m").exec(out)![1];
    const dir = tempDir();
    const run = await cli(["run", "--provider", "yuno", "--target", url("base URL"), "--state-url", url("state URL"), "--report-dir", dir]);
    served.child.kill("SIGINT");
    const result = await served.result;

    expect(run.code, run.stderr).toBe(0);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("credentials: YUNO_PUBLIC_API_KEY, YUNO_PRIVATE_SECRET_KEY, YUNO_ACCOUNT_CODE from the environment");
    expect(result.stdout).toMatch(/ DELETE \/v1\/customers\/\S+ 202 /);
    expectNoCanary(outputsOf(result));
    expectNoCanary(outputsOf(run, dir));
  });
});

describe("payconform verify-pacts --verbose against a target that echoes every form of the credentials", () => {
  // --verbose prints the verifier's own report (bodies included) besides what verify-pacts always prints.
  it.concurrent.each(HTTP_PROVIDERS)("%s", async (provider: HttpProvider) => {
    const target = await startEchoingTarget(provider);
    const result = await cli(["verify-pacts", "--provider", provider, "--target", target.baseUrl, "--state-url", target.stateUrl, "--verbose"]);

    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${provider}: FAILED`, "m"));
    expect(result.stdout).toContain("Verifying a pact between");
    expect(result.stdout).toContain("***");
    expectNoCanary(outputsOf(result));
  });
});

describe("payconform check-pacts on a pact that holds every form of the credentials", () => {
  it("reports the interaction with the canaries masked", async () => {
    const pact = JSON.parse(readFileSync(join(CONTRACTS_DIR, pactFileName("enkash")), "utf8")) as { interactions: Array<Record<string, any>> };
    const interaction = pact.interactions[0];
    interaction.description = `a delete answered 418 ${EVERY_FORM}`;
    interaction.request.headers.authorization = [`Bearer ${CANARIES.enkash.ENKASH_ACCESS_TOKEN}`];
    interaction.response.status = 418;
    interaction.response.body.content = { echo: EVERY_FORM };
    const file = join(tempDir(), "canary-pact.json");
    writeFileSync(file, JSON.stringify(pact));
    const result = await cli(["check-pacts", file]);

    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain("[response_status_documented]");
    expect(result.stdout).toContain("***");
    expectNoCanary(outputsOf(result));
  });
});

describe("payconform validate-payload on payloads that hold every form of the credentials", () => {
  it("reports the findings with the canaries masked", async () => {
    const dir = tempDir();
    const example = (name: string): Record<string, any> => JSON.parse(readFileSync(`specs/juspay-upi/examples/${name}.json`, "utf8"));
    const request = { ...example("request"), requestId: EVERY_FORM };
    const response = { ...example("response"), requestId: `other ${EVERY_FORM}`, errorCode: EVERY_FORM };
    writeFileSync(join(dir, "request.json"), JSON.stringify(request));
    writeFileSync(join(dir, "response.json"), JSON.stringify(response));
    const result = await cli(["validate-payload", "--request", join(dir, "request.json"), "--response", join(dir, "response.json")]);

    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain("requestId");
    expect(result.stdout).toContain("***");
    expectNoCanary(outputsOf(result));
  });
});

describe("payconform inventory", () => {
  it("prints no canary", async () => {
    const result = await cli(["inventory"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("deleteCustomerByCustomerId");
    expectNoCanary(outputsOf(result));
  });
});

describe("the canary search itself", () => {
  it("finds every form it looks for", () => {
    const canary = CANARIES.enkash.ENKASH_ACCESS_TOKEN;
    for (const [form, value] of Object.entries(canaryForms(canary))) {
      expect(canaryHits({ out: `x ${value} y` }, [canary]), form).not.toEqual([]);
    }
  });
});
