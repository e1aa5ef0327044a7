/**
 * Checks, before any case runs, that a target (or a state URL) accepts connections, and for an
 * https URL that its certificate is trusted: an untrusted certificate stops the run here, once,
 * instead of failing every case alike.
 */
import net from "node:net";
import { TargetUnreachableError } from "../errors.ts";
import { isTlsError, tlsFailureMessage, trustedCertificates } from "../http/tls.ts";

export interface PreflightOptions {
  /** What the URL is, in messages. Default: "target". */
  label?: string;
  /** PEM CA certificates trusted besides the system's. */
  caCert?: string;
}

export function assertReachable(url: URL, timeoutMs: number, options: PreflightOptions = {}): Promise<void> {
  const label = options.label ?? "target";
  const secure = url.protocol === "https:";
  const port = Number(url.port || (secure ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return new Promise((resolve, reject) => {
    const socket = secure
      ? process.getBuiltinModule("node:tls").connect({ host, port, servername: net.isIP(host) === 0 ? host : undefined, ca: trustedCertificates(options.caCert) })
      : net.connect({ host, port });
    const fail = (message: string): void => {
      socket.destroy();
      reject(new TargetUnreachableError(message));
    };
    socket.setTimeout(timeoutMs, () => fail(`${label} ${url.origin} is unreachable: no connection within ${timeoutMs} ms`));
    socket.once("error", (error: NodeJS.ErrnoException) => {
      fail(isTlsError(error) ? tlsFailureMessage(url.origin, error, label) : `${label} ${url.origin} is unreachable: ${error.code ?? error.message}`);
    });
    socket.once(secure ? "secureConnect" : "connect", () => {
      socket.end();
      resolve();
    });
  });
}
