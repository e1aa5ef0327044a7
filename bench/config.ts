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
  /** Exchanges per provider sent through Prism before measuring it. */
  warmupExchanges: number;
  /** Unmeasured rounds of payconform and the bare loop, alternated, before the measured ones. */
  warmupRounds: number;
  /** Measured rounds of payconform and the bare loop, alternated; the median is reported. */
  rounds: number;
  /** Faulty adapters of the catalogue each tool judges, by name. */
  adapters: string[];
  /** Longest any spawned process may run before it is killed. */
  spawnTimeoutMs: number;
  /** Longest a peer server may take to start listening. */
  startTimeoutMs: number;
  /** Cold starts of `payconform run --provider enkash` measured; the median is reported. */
  coldStarts: number;
  seed: number;
}

export const BENCH_CONFIG: BenchConfig = {
  providers: ["enkash", "cashfree"],
  concurrency: 4,
  queueDepth: 16,
  exchanges: 3000,
  warmupExchanges: 3000,
  warmupRounds: 3,
  rounds: 7,
  adapters: ["cashfree-error-without-type", "enkash-accepts-bad-parent-company-id", "enkash-never-existing-delete-succeeds"],
  spawnTimeoutMs: 120_000,
  startTimeoutMs: 30_000,
  coldStarts: 3,
  seed: 1,
};

/** The peers' own install, apart from payconform's dependencies. */
export const PEERS_DIR = new URL("./peers/", import.meta.url).pathname;
export const REPO_DIR = new URL("../", import.meta.url).pathname;
