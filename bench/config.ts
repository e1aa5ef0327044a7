/**
 * Every fixed quantity of `npm run bench`, in one place: the same concurrency and exchange
 * counts for every tool, the adapters judged, and the bounds on every spawned process.
 */
import type { HttpProvider } from "../src/providers.ts";

export interface BenchConfig {
  /** Providers whose specs and sandboxes the throughput runs use. */
  providers: HttpProvider[];
  /** Requests in flight at once (the client's limiter), for payconform, the bare loop and the load sent through Prism. */
  concurrency: number;
  /**
   * Exchanges handed to the client at once; the limiter keeps `concurrency` of them in flight and
   * queues the rest, as `payconform run` queues every scenario of a provider at once.
   */
  queueDepth: number;
  /** Exchanges per provider per measured loop. */
  exchanges: number;
  /** Unmeasured rounds of payconform, Prism and the bare loop, alternated, before the measured ones. */
  warmupRounds: number;
  /** Measured rounds of payconform, Prism and the bare loop, alternated; the median of the paired ratios is reported. */
  rounds: number;
  /** Faulty adapters of the catalogue each tool judges, by name. */
  adapters: string[];
  /** Longest any spawned process may run before it is killed. */
  spawnTimeoutMs: number;
  /** Longest a peer server may take to start listening. */
  startTimeoutMs: number;
  /** Pairs of `node -e 0` and a new payconform process (`run --provider enkash`, `--help`, `--version`), each. */
  coldStarts: number;
  /** Whole `payconform run`s (all four providers) timed; the median is reported. */
  fullRuns: number;
  /** Provider runs in one process, each count measured in a fresh child process. */
  scalingKs: number[];
  seed: number;
}

export const BENCH_CONFIG: BenchConfig = {
  providers: ["enkash", "cashfree"],
  concurrency: 4,
  queueDepth: 16,
  exchanges: 3000,
  warmupRounds: 3,
  rounds: 7,
  adapters: ["cashfree-error-without-type", "enkash-accepts-bad-parent-company-id", "enkash-never-existing-delete-succeeds"],
  spawnTimeoutMs: 120_000,
  startTimeoutMs: 30_000,
  coldStarts: 11,
  fullRuns: 9,
  scalingKs: [1, 2, 4, 8, 16, 32, 64],
  seed: 1,
};

/**
 * A few seconds' worth of every phase, for working on the bench itself:
 * `PAYCONFORM_BENCH_QUICK=1 npm run bench` (its results are not for quoting).
 */
export const QUICK_CONFIG: BenchConfig = {
  ...BENCH_CONFIG,
  providers: ["enkash"],
  exchanges: 300,
  warmupRounds: 1,
  rounds: 3,
  coldStarts: 2,
  fullRuns: 2,
  scalingKs: [1, 2, 4, 8],
};

export function benchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  return env.PAYCONFORM_BENCH_QUICK ? QUICK_CONFIG : BENCH_CONFIG;
}

/** The peers' own install, apart from payconform's dependencies. */
export const PEERS_DIR = new URL("./peers/", import.meta.url).pathname;
export const REPO_DIR = new URL("../", import.meta.url).pathname;
