/**
 * `payconform serve`: a provider's reference sandbox on its own, for integrators to develop
 * against: where `serve` says, with credentials from the environment or made up for the session,
 * logging each request, until it is stopped.
 */
import { UsageError } from "../errors.ts";
import { startSandbox } from "../sandboxes/index.ts";
import type { ExchangeLogEntry, SandboxHandle } from "../sandboxes/types.ts";
import { serveCredentials } from "./credentials.ts";
import type { ServeOptions } from "./options.ts";

export interface ServedSandbox {
  sandbox: SandboxHandle;
  /** The made-up credentials' file; undefined when they come from the environment. */
  credentialsFile?: string;
  /** Closes the sandbox (dropping open connections) and removes a made-up credentials file. */
  stop(): Promise<void>;
}

export async function startServe(options: ServeOptions, onExchange: (entry: ExchangeLogEntry) => void): Promise<ServedSandbox> {
  const credentials = serveCredentials(options);
  let sandbox: SandboxHandle;
  try {
    sandbox = await startSandbox(options.provider, { credentials: credentials.credentials, listen: { host: options.host, port: options.port }, onExchange });
  } catch (error) {
    credentials.remove();
    throw listenError(error, options);
  }
  return {
    sandbox,
    credentialsFile: credentials.file,
    stop: async () => {
      await sandbox.close();
      credentials.remove();
    },
  };
}

/** A failure to listen as one line saying what to do; anything else as it is. */
function listenError(error: unknown, options: ServeOptions): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${options.host}:${options.port}`;
  const hints: Record<string, string> = {
    EADDRINUSE: "the port is in use; pass --port N, or --port 0 for any free port",
    EACCES: "binding this port needs privileges; pass a --port above 1023",
    EADDRNOTAVAIL: "no interface of this machine has that address; pass --host with one that does, or leave it out for 127.0.0.1",
    ENOTFOUND: "the host name is not known; pass --host with an address of this machine",
    EAI_AGAIN: "the host name could not be resolved; pass --host with an address of this machine",
  };
  const hint = code === undefined ? undefined : hints[code];
  return hint === undefined ? error : new UsageError(`cannot listen on ${where}: ${hint} (${code})`, { cause: error });
}
