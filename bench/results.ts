/** The shape of bench/results.json: every raw figure, the summary, and the ratios. */
import type { ColdStart } from "./cold-start.ts";
import type { BenchConfig } from "./config.ts";
import type { Share } from "./cpuprofile.ts";
import type { FullRuns, RealRun } from "./full-run.ts";
import type { Machine } from "./machine.ts";
import type { PeerThroughput } from "./peer-throughput.ts";
import type { ProfileFindings } from "./profile.ts";
import type { ProxyBenchResults } from "./proxy.ts";
import type { ScalingFit, ScalingPoint } from "./scaling.ts";
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
  /** The ratios the targets are stated in, each the median of paired rounds, with their least and greatest. */
  ratios: Summary["ratios"];
  summary: Summary;
  /** The sandbox in a worker thread: payconform, the bare loop and Prism in paired rounds (the figures the ratios use). */
  throughput: ProviderThroughput[];
  /** The sandbox on the loop's own thread, as `payconform run` has it: payconform and the bare loop. */
  throughputSameThread: ProviderThroughput[];
  peers: PeerThroughput[];
  /** New processes paired with `node -e 0`; `profile` sorts a cold run's CPU samples by what they were spent on. */
  coldStart: ColdStart & { profile: { durationMs: number; samples: number; categories: Share[] } };
  /** Median spawn-to-exit time of a whole `payconform run` (all four providers). */
  fullRunMs: number;
  fullRun: FullRuns;
  /** Exchanges per second of a whole `payconform run`, next to the steady-state loop's. */
  realRun: RealRun & { steadyStateExchangesPerSecond: number; steadyStateSameThreadExchangesPerSecond: number };
  /** K provider runs in one process, each K in a fresh child process. */
  scaling: ScalingPoint[];
  scalingFit: ScalingFit;
  verdicts: Array<AdapterVerdicts | { name: string; missing: true }>;
  profile: ProfileFindings;
  /** `payconform proxy` and Prism's proxy against the same exchanges sent straight to the sandbox. */
  proxy: ProxyBenchResults;
  notes: string[];
  /** Wall time of the whole bench. */
  benchMs: number;
}
