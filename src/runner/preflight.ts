/** Checks that a target accepts TCP connections before any case runs. */
import net from "node:net";
import { TargetUnreachableError } from "../errors.ts";

export function assertReachable(url: URL, timeoutMs: number): Promise<void> {
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const fail = (reason: string): void => {
      socket.destroy();
      reject(new TargetUnreachableError(`target ${url.origin} is unreachable: ${reason}`));
    };
    socket.setTimeout(timeoutMs, () => fail(`no connection within ${timeoutMs} ms`));
    socket.once("error", (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
    socket.once("connect", () => {
      socket.end();
      resolve();
    });
  });
}
