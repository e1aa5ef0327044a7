/**
 * The provider-state endpoint the Pact verifier calls, on 127.0.0.1: it passes each state on to
 * the real state URL with the convention of `run` (states.ts), holds the answer to the same
 * rules (2xx, JSON, at most maxBodyBytes, within the timeout; src/http/state-call.ts), and
 * answers the verifier 400 when the call failed, which fails the interaction. (The verifier
 * retries a 5xx for minutes; it takes a 4xx at once.) Every failure is kept, with its message
 * naming the state URL, so the interaction's result can say what went wrong.
 *
 * - the fixture state passes on as it is, setup and teardown, with the pact's params; where the
 *   state URL answers with ids of its own (it made a fixture rather than take the ids asked for),
 *   they are kept for the interaction (`ids`: the request filter puts them in place of the pact's,
 *   as Pact's provider-state injected values do) and the teardown names them;
 * - the not-found state's setup is a teardown of the fixture state with the pact's params;
 * - an interaction without a state (the verifier still calls, with an empty state) is a no-op.
 *
 * A failed teardown never fails an interaction, as in `run`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { callStateUrl, type StateBody, type StateCallOptions } from "../http/state-call.ts";
import type { HttpProvider } from "../providers.ts";
import { fixtureState, notFoundState } from "./states.ts";

export interface StateFailure {
  state: string;
  params: Record<string, unknown>;
  message: string;
}

export interface StateHop {
  url: string;
  failures: StateFailure[];
  /** For the interaction being verified: each pact id the state URL answered another id for, and that id. */
  ids: ReadonlyMap<string, string>;
  close(): Promise<void>;
}

/** Largest request the verifier sends here: a state name and the pact's params. */
const MAX_REQUEST_BYTES = 64 * 1024;

export async function startStateHop(provider: HttpProvider, stateUrl: string, options: StateCallOptions): Promise<StateHop> {
  const failures: StateFailure[] = [];
  const ids = new Map<string, string>();
  const fixture = fixtureState(provider);
  const notFound = notFoundState(provider);

  const handle = async (body: unknown): Promise<string | undefined> => {
    const call = isObj(body) ? body : {};
    const state = typeof call.state === "string" ? call.state : "";
    const params = isObj(call.params) ? call.params : {};
    const action: StateBody["action"] = call.action === "teardown" ? "teardown" : "setup";
    if (state === "") return undefined;
    if (state !== fixture && state !== notFound) return `no provider state "${state}": payconform's contracts use "${fixture}" and "${notFound}"`;
    if (state === notFound && action === "teardown") return undefined;
    const made = (value: unknown): unknown => (typeof value === "string" ? (ids.get(value) ?? value) : value);
    const forwarded: StateBody =
      state !== fixture ? { state: fixture, params, action: "teardown" } : action === "teardown" ? { state, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, made(v)])), action } : { state, params, action };
    if (action === "setup") ids.clear();
    const outcome = await callStateUrl(stateUrl, forwarded, options, forwarded.action === "teardown");
    if (action === "teardown") ids.clear();
    if (outcome.ok && forwarded.action === "setup" && isObj(outcome.value)) {
      for (const [name, asked] of Object.entries(params)) {
        const answered = outcome.value[name];
        if (typeof asked === "string" && typeof answered === "string" && answered !== asked) ids.set(asked, answered);
      }
    }
    if (outcome.ok || action === "teardown") return undefined;
    return `provider state "${state}": ${outcome.message}`;
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      const body = parseJson(Buffer.concat(chunks).toString("utf8"));
      void handle(body).catch((error: unknown) => `provider state: ${error instanceof Error ? error.message : String(error)}`).then((failure) => {
        if (failure !== undefined) {
          failures.push({ state: isObj(body) && typeof body.state === "string" ? body.state : "", params: isObj(body) && isObj(body.params) ? body.params : {}, message: failure });
        }
        res.writeHead(failure === undefined ? 200 : 400, { "content-type": "application/json" });
        res.end(JSON.stringify(failure === undefined ? {} : { error: failure }));
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/_payconform/state`,
    failures,
    ids,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObj(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
