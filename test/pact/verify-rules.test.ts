/**
 * verify-pacts holds a target to the rules `run` applies:
 * - a provider-state call that fails (an error status, a reset connection, an answer that is not
 *   JSON or is over 1 MiB) fails every interaction given that state, with a message naming the
 *   state URL; a state URL that cannot be reached at all stops verify-pacts with exit 2;
 * - a rejection the spec documents for the case is accepted (the pact's V4 status matcher);
 *   the documented not-found answer to a malformed request is not; a 4xx the spec does not
 *   document is a warning, a failure under --strict.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { resolveVerifyOptions } from "../../src/pacts/verify-options.ts";
import { verifyPacts } from "../../src/pacts/verify.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { baseBehaviour, startSandbox, type ErrorKind, type SandboxReply } from "../../src/sandboxes/index.ts";
import { runCli } from "../cli/spawn-cli.ts";
import { answer, closedPort, closeStateServers, startStateServer } from "../runner/state-server.ts";
import { closeTargets, startRecordingSandbox } from "../runner/targets.ts";

const servers: Server[] = [];
afterEach(async () => {
  await closeTargets();
  await closeStateServers();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A state URL that accepts connections and resets each one. */
async function resettingStateUrl(): Promise<string> {
  const server = createServer((req) => req.socket.destroy());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/state`;
}

const STATEFUL = ["a delete of a customer that does not exist", "a delete of an existing customer", "a delete with wrong credentials", "a delete without credentials"];

describe("a provider-state call that fails fails its interactions", () => {
  const rows: Array<[string, () => Promise<string>, RegExp]> = [
    ["answers 404", async () => (await startStateServer(answer(404, '{"message":"no such route"}'))).url, /answered 404 to (setup|teardown) of "a customer exists"$/],
    ["answers a body that is not JSON", async () => (await startStateServer(answer(200, "<html>ok</html>", "text/html"))).url, /answered (setup|teardown) of "a customer exists" with a body that is not JSON$/],
    ["resets the connection", resettingStateUrl, /unreachable: connection reset by state URL$/],
    ["answers more than 1 MiB", async () => (await startStateServer(answer(200, JSON.stringify({ customerId: "KC1A2B3C4D5E6F7G", padding: "x".repeat(2 * 1024 * 1024) })))).url, /its answer to (setup|teardown) of "a customer exists" exceeds 1048576 bytes$/],
  ];
  it.each(rows)("a state URL that %s", async (_name, stateUrl, message) => {
    const url = await stateUrl();
    const [result] = await verifyPacts(resolveVerifyOptions({ providers: ["enkash"], stateUrl: url }));

    expect(result.passed).toBe(false);
    const failed = result.interactions.filter((i) => !i.passed);
    expect(failed.map((i) => i.description).sort()).toEqual(STATEFUL);
    for (const interaction of failed) {
      expect(interaction.problems).toHaveLength(1);
      expect(interaction.problems[0]).toContain(`state URL ${url} `);
      expect(interaction.problems[0]).toMatch(message);
      expect(interaction.problems[0]).not.toMatch(/\btarget\b/);
    }
  });

  it("a state URL nothing listens on stops verify-pacts with exit 2, naming the state URL", async () => {
    const sandbox = await startRecordingSandbox("enkash");
    const port = await closedPort();
    const result = await runCli(["verify-pacts", "--provider", "enkash", "--target", sandbox.baseUrl, "--state-url", `http://127.0.0.1:${port}/state`], { env: { ...sandbox.credentials, PACT_DO_NOT_TRACK: "true" } });

    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`payconform: state URL http://127.0.0.1:${port} is unreachable: ECONNREFUSED`);
    expect(sandbox.seen).toEqual([]);
  });
});

/** The provider's sandbox, answering the given error kinds with `reply` instead. */
function answering(provider: HttpProvider, kinds: ErrorKind[], reply: (detail: string) => SandboxReply) {
  const base = baseBehaviour(provider);
  return () => startSandbox(provider, { behaviour: { errorReply: (kind, detail) => (kinds.includes(kind) ? reply(detail) : base.errorReply(kind, detail)) } });
}

const enkashError = (status: number, errorType: string) => (detail: string): SandboxReply => ({
  status,
  body: { response_code: status, response_message: "Rejected", errorResponse: { errorType, errorMessage: detail } },
});

describe("answers the spec documents for the case", () => {
  const MALFORMED = "a delete with a customerId that breaks ^KC[A-Z0-9]{14}$";

  it("EnKash rejecting a malformed id with its documented 422 verifies", async () => {
    const [result] = await verifyPacts(resolveVerifyOptions({ providers: ["enkash"], startTarget: answering("enkash", ["invalidId"], enkashError(422, "UNPROCESSABLE_REQUEST")) }));
    expect(result.interactions.find((i) => i.description === MALFORMED)).toEqual({ description: MALFORMED, passed: true, problems: [], warnings: [] });
    expect(result.passed).toBe(true);
  });

  it("EnKash answering a malformed id with the not-found 404 fails: it looked the id up", async () => {
    const [result] = await verifyPacts(resolveVerifyOptions({ providers: ["enkash"], startTarget: answering("enkash", ["invalidId"], enkashError(404, "RECORD_NOT_FOUND")) }));
    const malformed = result.interactions.find((i) => i.description === MALFORMED);
    expect(malformed?.passed).toBe(false);
    expect(malformed?.problems.join("; ")).toMatch(/StatusMismatch: .*404.*400, 401, 403, 422/);
  });

  const yuno401 = answering("yuno", ["unauthorized"], (detail) => ({ status: 401, body: { code: "UNAUTHORIZED", messages: [detail] } }));
  const AUTH = ["a delete with wrong credentials", "a delete without credentials"];

  it("Yuno answering missing and wrong credentials with an undocumented 401 verifies with warnings, as run warns", async () => {
    const [result] = await verifyPacts(resolveVerifyOptions({ providers: ["yuno"], startTarget: yuno401 }));
    expect(result.passed).toBe(true);
    const warned = result.interactions.filter((i) => i.warnings.length > 0);
    expect(warned.map((i) => i.description).sort()).toEqual(AUTH);
    for (const i of warned) expect(i.warnings).toEqual(["answered 401, a 4xx the spec does not document (accepted: 400); run counts this as a warning, --strict as a failure"]);
  });

  it("the same 401 fails under --strict", async () => {
    const [result] = await verifyPacts(resolveVerifyOptions({ providers: ["yuno"], startTarget: yuno401, strict: true }));
    expect(result.passed).toBe(false);
    expect(result.interactions.filter((i) => !i.passed).map((i) => i.description).sort()).toEqual(AUTH);
  });
});

describe("a state URL that makes fixtures with ids of its own", () => {
  /** The provider's sandbox whose state URL ignores the ids asked for and makes its own, as many real state hooks do. */
  const ownIds = (provider: HttpProvider) => () => {
    const base = baseBehaviour(provider);
    return startSandbox(provider, { behaviour: { createFixture: (env) => base.createFixture(env, []) } });
  };

  it.each<HttpProvider>(["juspay", "enkash"])("%s: the ids it answered take the pact's place in the path (and x-routing-id), and every interaction verifies", async (provider) => {
    const [result] = await verifyPacts(resolveVerifyOptions({ providers: [provider], startTarget: ownIds(provider) }));
    expect(result.interactions.filter((i) => !i.passed)).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it("Cashfree answering a customer_id with a space (its pattern assumed) with the not-found 404 verifies with a warning, a failure under --strict", async () => {
    const lenient = () => startSandbox("cashfree", { behaviour: { validate: () => undefined } });
    const SPACE = "a delete with a customer_id holding a space";
    const [result] = await verifyPacts(resolveVerifyOptions({ providers: ["cashfree"], startTarget: lenient }));
    expect(result.passed).toBe(true);
    expect(result.interactions.find((i) => i.description === SPACE)?.warnings.join("; ")).toMatch(/StatusMismatch.*404.*rests on an assumed pattern/);
    const [strict] = await verifyPacts(resolveVerifyOptions({ providers: ["cashfree"], startTarget: lenient, strict: true }));
    expect(strict.interactions.find((i) => i.description === SPACE)?.passed).toBe(false);
  });
});

describe("a target that resets the connection", () => {
  it("fails the interactions it reset, answered 502 by payconform, instead of stopping the verifier without a result", async () => {
    const ID = "KC1A2B3C4D5E6F7G";
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        if (req.url?.startsWith("/state")) return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ customerId: ID }));
        if (req.url?.includes(ID)) return void req.socket.destroy();
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ response_code: 404, response_message: "Not Found", errorResponse: { errorType: "RECORD_NOT_FOUND", errorMessage: "m" } }));
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const [result] = await verifyPacts(resolveVerifyOptions({ providers: ["enkash"], target: base, stateUrl: `${base}/state`, env: { ENKASH_ACCESS_TOKEN: "a-token-of-enough-length" } }));
    expect(result.passed).toBe(false);
    const existing = result.interactions.find((i) => i.description === "a delete of an existing customer");
    expect(existing?.problems.join("; ")).toMatch(/expected 200 but was 502/);
    expect(result.interactions.find((i) => i.description === "a delete of a customer that does not exist")?.passed).toBe(true);
  });
});
