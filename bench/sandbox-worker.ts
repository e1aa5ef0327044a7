/**
 * Worker-thread entry: hosts one embedded sandbox (or one faulty adapter of the catalogue) on
 * its own event loop, so the target does not share a thread with the tool being measured, and
 * counts the exchanges it receives. Spoken to by remote-sandbox.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { adapterByName } from "../src/catalogue/index.ts";
import { startSandbox } from "../src/sandboxes/index.ts";
import type { SandboxHandle } from "../src/sandboxes/types.ts";
import { createCounter } from "./counter.ts";

export type WorkerTarget = { provider: "juspay" | "yuno" | "cashfree" | "enkash" } | { adapter: string };
export type ToWorker = { id: number; type: "reset" | "read" | "close" };
export type FromWorker =
  | { type: "ready"; handle: Omit<SandboxHandle, "close"> }
  | { type: "failed"; message: string }
  | { id: number; type: "done"; count: number; first?: number; last?: number };

const port = parentPort!;
const target = workerData as WorkerTarget;
const counter = createCounter();

async function open(): Promise<SandboxHandle> {
  if ("provider" in target) return startSandbox(target.provider, counter.options());
  const adapter = adapterByName(target.adapter);
  if (!adapter) throw new Error(`no adapter named ${target.adapter} in the catalogue`);
  return adapter.start();
}

try {
  const handle = await open();
  const { close, ...rest } = handle;
  port.on("message", (message: ToWorker) => {
    void (async () => {
      if (message.type === "reset") counter.reset();
      if (message.type === "close") await close();
      const reply: FromWorker = { id: message.id, type: "done", count: counter.count, first: counter.first, last: counter.last };
      port.postMessage(reply);
      if (message.type === "close") port.close();
    })();
  });
  port.postMessage({ type: "ready", handle: rest } satisfies FromWorker);
} catch (error) {
  port.postMessage({ type: "failed", message: (error as Error).message } satisfies FromWorker);
}
