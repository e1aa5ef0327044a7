/**
 * One provider's verification with the Pact verifier, as the child process that `verify-pacts`
 * starts runs it (verifier-child.ts): the pact files replayed against the target, states through
 * payconform's state hop, placeholder credentials swapped for real ones on the way out.
 */
import { Verifier, type VerifierOptions } from "@pact-foundation/pact";
import { trustedCertificates } from "../http/tls.ts";
import type { HttpProvider } from "../providers.ts";
import type { Credentials } from "../sandboxes/types.ts";
import { credentialSwap } from "./request-filter.ts";
import { startStateHop, type StateFailure } from "./state-hop.ts";

export interface VerifierJob {
  provider: HttpProvider;
  files: string[];
  /** Target base URL including the spec server's base path. */
  baseUrl: string;
  stateUrl: string;
  credentials: Credentials;
  timeoutMs: number;
  /** Cap on state URL answers. */
  maxBodyBytes: number;
  caCert?: string;
}

export interface VerifierReply {
  /** What the verifier resolved or rejected with: its JSON result, or an error message. */
  text: string;
  stateFailures: StateFailure[];
}

/** Transport faults of the target that Pact JS's proxy throws instead of answering. */
const TARGET_FAULTS = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);

interface ProxiedAnswer {
  headersSent: boolean;
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(text: string): unknown;
}

export async function runVerifierJob(job: VerifierJob): Promise<VerifierReply> {
  const hop = await startStateHop(job.provider, job.stateUrl, { timeoutMs: job.timeoutMs, maxBodyBytes: job.maxBodyBytes, caCert: job.caCert });
  const ca = trustedCertificates(job.caCert);
  // Pact JS's proxy has no error handler: a target that resets or refuses the connection would
  // throw out of it and end this process without a result. The interaction in flight (the
  // verifier sends one at a time) is answered 502 instead, which fails it as the target's fault.
  const swap = credentialSwap(job.provider, job.credentials, hop.ids);
  let inFlight: ProxiedAnswer | undefined;
  const filter = (req: Parameters<typeof swap>[0], res: unknown, next: () => void): void => {
    inFlight = res as ProxiedAnswer;
    swap(req, res, next);
  };
  const onFault = (error: Error): void => {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (!TARGET_FAULTS.has(code) || !inFlight || inFlight.headersSent) throw error;
    inFlight.writeHead(502, { "content-type": "text/plain; charset=utf-8", "x-payconform-fault": code });
    inFlight.end(`payconform: the target failed the request: ${code === "ECONNRESET" ? "connection reset (socket hang up)" : code}`);
  };
  process.on("uncaughtException", onFault);
  const options = {
    // No `provider` name on purpose: with one, pact-core would also fetch pacts from a broker
    // named by PACT_BROKER_BASE_URL. Only the given files are verified.
    providerBaseUrl: job.baseUrl,
    pactUrls: job.files,
    // States go to payconform's own endpoint, not to Pact JS's handlers, which answer the
    // verifier 200 even when a handler fails.
    providerStatesSetupUrl: hop.url,
    requestFilter: filter as VerifierOptions["requestFilter"],
    // Pact JS hands these to the proxy's https request to the target (a private CA).
    ...(ca ? { tlsClientOptions: { ca } } : {}),
    logLevel: "error",
    timeout: job.timeoutMs,
    failIfNoPactsFound: true,
  } as VerifierOptions;
  try {
    const text = await new Verifier(options).verifyProvider();
    return { text, stateFailures: hop.failures };
  } catch (error) {
    return { text: error instanceof Error ? error.message : String(error), stateFailures: hop.failures };
  } finally {
    process.off("uncaughtException", onFault);
    await hop.close();
  }
}
