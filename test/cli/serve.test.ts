/**
 * `payconform serve`: a provider's reference sandbox on its own. It listens on 127.0.0.1, says
 * where it is, how to authenticate and where its credentials are, logs one line per request, and
 * stops cleanly on SIGINT or SIGTERM (exit 0, its made-up credentials file removed). A
 * conformance run against it (`run --target URL --state-url URL`, credentials from the same
 * variables) is clean, for every provider.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createServer, type Server } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { HTTP_PROVIDERS, type HttpProvider } from "../../src/providers.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { runCli, startCli, type CliResult, type RunningCli } from "./spawn-cli.ts";

afterAll(() => removeTempDirs());

interface Served {
  cli: RunningCli;
  /** Everything printed so far. */
  out: () => string;
  baseUrl: string;
  stateUrl: string;
  credentialsFile?: string;
}

/** Starts `payconform serve ...` and waits (at most 30 s) for its banner. */
async function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  const cli = startCli(["serve", ...args], { env });
  let out = "";
  cli.child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  const deadline = Date.now() + 30_000;
  while (!/^ {2}try: /m.test(out)) {
    if (cli.child.exitCode !== null) throw new Error(`serve exited ${cli.child.exitCode}: ${(await cli.result).stderr}`);
    if (Date.now() > deadline) throw new Error(`no banner from serve: ${out}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const field = (name: string): string | undefined => new RegExp(`^ {2}${name}: +(\\S+)`, "m").exec(out)?.[1];
  return {
    cli,
    out: () => out,
    baseUrl: field("base URL")!,
    stateUrl: field("state URL")!,
    credentialsFile: /made up for this session, in (\S+) /.exec(out)?.[1],
  };
}

/** `NAME=value` lines as an environment. */
function envFile(file: string): Record<string, string> {
  return Object.fromEntries(readFileSync(file, "utf8").trim().split("\n").map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
}

async function stop(served: Served, signal: NodeJS.Signals = "SIGINT"): Promise<CliResult> {
  served.cli.child.kill(signal);
  return served.cli.result;
}

const clean = /^\d+ passed, 0 failed, 0 errored, 0 skipped, 0 warnings$/m;

describe("payconform serve, then payconform run against it", () => {
  it.each(HTTP_PROVIDERS)("%s: credentials made up into a private file; the run is clean; SIGINT stops it", async (provider: HttpProvider) => {
    const served = await serve(["--provider", provider, "--port", "0"]);
    expect(served.out()).toMatch(new RegExp(`^payconform serve: ${provider} reference sandbox, listening on 127\\.0\\.0\\.1:\\d+$`, "m"));
    expect(served.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(served.stateUrl).toBe(`${new URL(served.baseUrl).origin}/_payconform/state`);
    expect(served.out()).toMatch(/^ {2}auth: +\S+/m);
    const file = served.credentialsFile!;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const credentials = envFile(file);
    expect(Object.keys(credentials).length).toBeGreaterThan(0);

    const dir = tempDir();
    const run = await runCli(["run", "--provider", provider, "--target", served.baseUrl, "--state-url", served.stateUrl, "--report-dir", dir], { env: credentials });
    expect(run.code, run.stdout.slice(-3000) + run.stderr).toBe(0);
    expect(run.stdout).toMatch(clean);

    const stopped = await stop(served);
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stderr).toBe("");
    expect(stopped.stdout.trimEnd().split("\n").at(-1)).toBe("payconform serve: stopped by SIGINT");
    const requests = stopped.stdout.split("\n").filter((l) => /^\d{4}-\d\d-\d\dT\S+Z (DELETE|GET|PUT|PATCH|POST) \/\S* (\d{3}|\(no answer\)) [\d.]+ ms$/.test(l));
    expect(requests.length).toBeGreaterThan(20);
    expect(requests.some((l) => / POST \/_payconform\/state 200 /.test(l))).toBe(true);
    for (const value of Object.values(credentials)) expect(stopped.stdout).not.toContain(value);
    expect(existsSync(file)).toBe(false);
  });

  it("takes the credentials from the environment variables run reads, verifies the pacts too, and stops on SIGTERM", async () => {
    const env = { CASHFREE_CLIENT_ID: "serve-client-id-0001", CASHFREE_CLIENT_SECRET: "serve-client-secret-0001" };
    const served = await serve(["--provider", "cashfree", "--port", "0"], env);
    expect(served.out()).toContain("  credentials: CASHFREE_CLIENT_ID, CASHFREE_CLIENT_SECRET from the environment");
    expect(served.out()).toContain("x-client-id: $CASHFREE_CLIENT_ID");
    expect(served.credentialsFile).toBeUndefined();

    const run = await runCli(["run", "--provider", "cashfree", "--target", served.baseUrl, "--state-url", served.stateUrl, "--report-dir", tempDir()], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(clean);
    const wrong = await runCli(["run", "--provider", "cashfree", "--target", served.baseUrl, "--state-url", served.stateUrl, "--report-dir", tempDir()], { env: { ...env, CASHFREE_CLIENT_SECRET: "another-secret-0002" } });
    expect(wrong.code).toBe(1);
    const pacts = await runCli(["verify-pacts", "--provider", "cashfree", "--target", served.baseUrl, "--state-url", served.stateUrl], { env: { ...env, PACT_DO_NOT_TRACK: "true" } });
    expect(pacts.code, pacts.stdout + pacts.stderr).toBe(0);
    expect(pacts.stdout).toContain("cashfree: 5 interactions verified");

    const stopped = await stop(served, "SIGTERM");
    expect(stopped.code).toBe(0);
    expect(stopped.stdout.trimEnd().split("\n").at(-1)).toBe("payconform serve: stopped by SIGTERM");
    for (const value of Object.values(env)) expect(stopped.stdout).not.toContain(value);
  });
});

describe("payconform serve on bad input: one line, exit 2", () => {
  let busy: Server | undefined;
  afterAll(() => busy?.close());

  const expectToolError = (result: CliResult, message: RegExp): void => {
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^payconform: /);
    expect(result.stderr).toMatch(message);
  };

  it("a port in use", async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy!.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as { port: number }).port;
    expectToolError(await runCli(["serve", "--provider", "enkash", "--port", String(port)]), new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use; pass --port N, or --port 0 for any free port \\(EADDRINUSE\\)`));
  });

  it.each([
    ["no provider", [], {}, /required option '--provider <name>' not specified/],
    ["an unknown provider", ["--provider", "stripe"], {}, /unknown provider "stripe"/],
    ["two providers", ["--provider", "enkash,yuno"], {}, /serve starts one provider's sandbox, got enkash, yuno/],
    ["a port out of range", ["--provider", "enkash", "--port", "70000"], {}, /--port must be an integer from 0 to 65535, got "70000"/],
    ["an address of no interface here", ["--provider", "enkash", "--port", "0", "--host", "192.0.2.1"], {}, /cannot listen on 192\.0\.2\.1:0: no interface of this machine has that address; .* \(EADDRNOTAVAIL\)/],
    ["some of a provider's credentials", ["--provider", "yuno", "--port", "0"], { YUNO_PUBLIC_API_KEY: "serve-public-0001" }, /yuno: YUNO_PUBLIC_API_KEY set but not YUNO_PRIVATE_SECRET_KEY, YUNO_ACCOUNT_CODE; set all of them, or none/],
  ] as Array<[string, string[], Record<string, string>, RegExp]>)("%s", async (_name, args, env, message) => {
    expectToolError(await runCli(["serve", ...args], { env }), message);
  });

  it("a credentials file that exists, which serve leaves as it was", async () => {
    const file = join(tempDir(), "mine.env");
    writeFileSync(file, "KEEP=me\n");
    expectToolError(await runCli(["serve", "--provider", "enkash", "--port", "0", "--credentials-file", file]), /cannot write the credentials file .*mine\.env: EEXIST \(serve never overwrites a file\)/);
    expect(readFileSync(file, "utf8")).toBe("KEEP=me\n");
  });
});
