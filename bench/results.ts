/** The shape of bench/results.json: every raw figure, the summary, and the ratios. */
import type { CliTimings } from "./cli-timings.ts";
import type { BenchConfig } from "./config.ts";
import type { Machine } from "./machine.ts";
import type { PeerThroughput } from "./peer-throughput.ts";
import type { ProfileFindings } from "./profile.ts";
import type { ProxyBenchResults } from "./proxy.ts";
import type { Summary } from "./summary.ts";
import type { ProviderThroughput } from "./throughput.ts";
import type { AdapterVerdicts } from "./verdicts.ts";

export interface BenchResults {
  date: string;
  machine: Machine;
  /** Share of the machine's CPU (0 to 1) that other processes took during each phase, and overall. */
  otherWork: Record<string, number | undefined>;
  /** A fixed piece of CPU work (sha256 of 256 MiB) timed at the start and the end: slower means a busier host. */
  speedCheck: { startMs: number; endMs: number };
  config: BenchConfig;
  peerVersions: Record<string, string>;
  /** Ratios the targets are stated in: our exchanges/s over the fastest peer's; our time per exchange over the bare loop's. */
  ratios: Summary["ratios"];
  summary: Summary;
  /** The sandbox in a worker thread (the figures the ratios use). */
  throughput: ProviderThroughput[];
  /** The sandbox on the loop's own thread, as `payconform run` has it. */
  throughputSameThread: ProviderThroughput[];
  peers: PeerThroughput[];
  cli: CliTimings;
  verdicts: Array<AdapterVerdicts | { name: string; missing: true }>;
  profile: ProfileFindings;
  /** `payconform proxy` and Prism's proxy against the same exchanges sent straight to the sandbox. */
  proxy: ProxyBenchResults;
  notes: string[];
  /** Wall time of the whole bench. */
  benchMs: number;
}
