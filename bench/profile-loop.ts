/**
 * Child entry of the profiling step: the checked loop alone (payconform's per-exchange work
 * against one embedded sandbox in a worker thread), run under `node --cpu-prof`. Arguments: provider, exchanges,
 * concurrency, queue depth.
 */
import { isHttpProvider } from "../src/providers.ts";
import { drive } from "./drive.ts";
import { startRemoteSandbox } from "./remote-sandbox.ts";
import { checkedExchange, createWorkload } from "./workload.ts";

const [provider = "enkash", exchanges = "20000", concurrency = "4", depth = "16"] = process.argv.slice(2);
if (!isHttpProvider(provider)) throw new Error(`unknown provider ${provider}`);
const handle = await startRemoteSandbox(provider);
const workload = createWorkload(handle, Number(concurrency), 1);
try {
  const result = await drive(Number(exchanges), Number(depth), (i) => checkedExchange(workload, i));
  process.stdout.write(`${JSON.stringify({ exchangesPerSecond: result.exchangesPerSecond })}\n`);
} finally {
  workload.close();
  await handle.close();
}
