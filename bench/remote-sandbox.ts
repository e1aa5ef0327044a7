/**
 * A sandbox (or faulty adapter) running in a worker thread of the bench: every tool measured
 * reaches its target over loopback HTTP while the target answers on its own event loop, as a
 * real target would. The handle works wherever a SandboxHandle does; its counter reports the
 * exchanges the target received.
 */
import { Worker } from "node:worker_threads";
import type { HttpProvider } from "../src/providers.ts";
import type { SandboxHandle } from "../src/sandboxes/types.ts";
import type { FromWorker, ToWorker, WorkerTarget } from "./sandbox-worker.ts";

export interface Counts {
  count: number;
  first?: number;
  last?: number;
}

export interface RemoteSandbox extends SandboxHandle {
  resetCount(): Promise<void>;
  readCount(): Promise<Counts>;
}

const WORKER = new URL("./sandbox-worker.ts", import.meta.url);

export function startRemoteSandbox(provider: HttpProvider): Promise<RemoteSandbox> {
  return startWorker({ provider });
}

export function startRemoteAdapter(name: string): Promise<RemoteSandbox> {
  return startWorker({ adapter: name });
}

async function startWorker(target: WorkerTarget): Promise<RemoteSandbox> {
  const worker = new Worker(WORKER, { workerData: target });
  const first = await new Promise<FromWorker>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  if (first.type !== "ready") {
    await worker.terminate();
    throw new Error(first.type === "failed" ? first.message : "the sandbox worker did not start");
  }
  let next = 0;
  const ask = (type: ToWorker["type"]): Promise<Counts> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => reject(new Error(`the sandbox worker did not answer "${type}"`)), 10_000);
      const onMessage = (message: FromWorker): void => {
        if (message.type !== "done" || message.id !== id) return;
        clearTimeout(timer);
        worker.off("message", onMessage);
        resolve({ count: message.count, first: message.first, last: message.last });
      };
      worker.on("message", onMessage);
      worker.postMessage({ id, type } satisfies ToWorker);
    });
  return {
    ...first.handle,
    resetCount: async () => {
      await ask("reset");
    },
    readCount: () => ask("read"),
    close: async () => {
      try {
        await ask("close");
      } finally {
        await worker.terminate();
      }
    },
  };
}

/** Exchanges per second over the window between the first and the last exchange seen. */
export function activeRate(counts: Counts): number | undefined {
  if (counts.count < 2 || counts.first === undefined || counts.last === undefined || counts.last <= counts.first) return undefined;
  return (counts.count - 1) / ((counts.last - counts.first) / 1000);
}
