/**
 * Where payconform's time per exchange goes, measured the way the overhead ratio is: the loop
 * thread's busy time per exchange (event-loop utilisation), for the bare loop and for the bare
 * loop plus each piece of payconform's work in turn, alternated over rounds, medians reported.
 * The sandbox answers in a worker thread, as in the throughput runs.
 */
import type { HttpProvider } from "../src/providers.ts";
import { buildRequest } from "../src/runner/build-request.ts";
import { evaluate } from "../src/runner/evaluate.ts";
import type { BenchConfig } from "./config.ts";
import { drive, median } from "./drive.ts";
import { startRemoteSandbox } from "./remote-sandbox.ts";
import { bareExchange, checkedExchange, createWorkload } from "./workload.ts";

export interface Step {
  label: string;
  busyMicrosPerExchange: number;
}

export async function decompose(provider: HttpProvider, config: BenchConfig): Promise<Step[]> {
  const handle = await startRemoteSandbox(provider);
  const w = createWorkload(handle, config.concurrency, config.seed);
  const { run, scenarios } = w;
  const at = (i: number) => {
    const scenario = scenarios[i % scenarios.length];
    return { scenario, step: scenario.steps[0], request: buildRequest(run.request, scenario.steps[0].plan, scenario.steps[0].plan.pathParams) };
  };
  const variants: Array<[string, (i: number) => Promise<unknown>]> = [
    ["bare loop: the same requests, built once, sent and read", (i) => bareExchange(w.client, w.requests, i)],
    ["+ building each request (buildRequest)", (i) => w.client.send(at(i).request)],
    ["+ parsing each body (JSON.parse)", async (i) => JSON.parse((await w.client.send(at(i).request)).response?.text ?? "null")],
    [
      "+ every check (evaluate)",
      async (i) => {
        const { scenario, step, request } = at(i);
        const response = (await w.client.send(request)).response!;
        const input = { operation: run.operation, scenario, step, request, response, json: { ok: true as const, value: JSON.parse(response.text) }, pathParams: step.plan.pathParams, secrets: run.secrets, earlier: [] };
        return evaluate(input, { strict: false, curl: () => "" });
      },
    ],
    ["payconform: runScenario and result masking, as measured above", (i) => checkedExchange(w, i)],
  ];
  try {
    const busy = new Map<string, number[]>(variants.map(([label]) => [label, []]));
    for (let round = 0; round < config.warmupRounds + config.rounds; round++) {
      for (const [label, one] of variants) {
        const result = await drive(config.exchanges, config.queueDepth, one);
        if (round >= config.warmupRounds) busy.get(label)!.push(result.busyMicrosPerExchange);
      }
    }
    return variants.map(([label]) => ({ label, busyMicrosPerExchange: median(busy.get(label)!) }));
  } finally {
    w.close();
    await handle.close();
  }
}
