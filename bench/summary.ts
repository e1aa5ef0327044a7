/**
 * The headline figures from the raw measurements: each tool's exchanges per second over both
 * providers (total exchanges over total time, median rounds), the paired ratios the targets are
 * stated in (pooled over providers: every round of every provider is one pair), and each target
 * with its value and whether it was met.
 */
import type { ColdStart } from "./cold-start.ts";
import { paired, type Paired } from "./drive.ts";
import type { FullRuns } from "./full-run.ts";
import type { PeerThroughput } from "./peer-throughput.ts";
import type { ScalingFit, ScalingPoint } from "./scaling.ts";
import type { ProviderThroughput } from "./throughput.ts";

export interface ToolRate {
  tool: string;
  exchanges: number;
  ms: number;
  exchangesPerSecond: number;
}

export interface Target {
  name: string;
  /** Where the value is in results.json. */
  field: string;
  target: string;
  value: string;
  met: boolean;
}

export interface Ratios {
  /** payconform's exchanges/s over Prism's (the fastest peer), median of the paired rounds; least and greatest. */
  vsFastestPeer: number;
  vsFastestPeerMin: number;
  vsFastestPeerMax: number;
  /** payconform's time per exchange (reporters included) over the bare loop's, median of the paired rounds; least and greatest. */
  overheadVsBare: number;
  overheadVsBareMin: number;
  overheadVsBareMax: number;
  /** The same from the loop thread's busy time per exchange. */
  busyOverheadVsBare: number;
}

export interface Summary {
  payconform: ToolRate;
  bare: ToolRate;
  /** Peers at their best: start-up excluded (Prism: its paired rounds; Dredd, Specmatic: first to last exchange). */
  peers: ToolRate[];
  /** Dredd and Specmatic with start-up included (spawn to exit); Prism's start-up is the time to listening. */
  peersWall: ToolRate[];
  fastestPeer: ToolRate;
  ratios: Ratios;
  /** Every paired ratio behind the ratios. */
  paired: { vsFastestPeer: Paired; overheadVsBare: Paired; busyOverheadVsBare: Paired };
  targets: Target[];
}

/** Growth this much beyond linear, per provider run from K = 8 to the largest K, still counts as linear. */
export const LINEAR_TOLERANCE = 1.2;

export function summarize(ours: readonly ProviderThroughput[], peers: readonly PeerThroughput[], cold: ColdStart, full: FullRuns, scaling: { points: ScalingPoint[]; fit: ScalingFit }): Summary {
  const payconform = combine("payconform", ours.map((o) => [o.payconform.exchanges, o.payconform.msPerExchange * o.payconform.exchanges]));
  const bare = combine("bare loop", ours.map((o) => [o.bare.exchanges, o.bare.msPerExchange * o.bare.exchanges]));
  const active = (r: { exchanges: number; activeRate?: number; run: { wallMs: number } }): [number, number] => [r.exchanges, r.activeRate ? (r.exchanges / r.activeRate) * 1000 : r.run.wallMs];
  const prism = combine("Prism", peers.map((p) => [p.prism.figures.exchanges, p.prism.figures.msPerExchange * p.prism.figures.exchanges]));
  const best = [prism, combine("Dredd", peers.map((p) => active(p.dredd))), combine("Specmatic", peers.map((p) => active(p.specmatic)))];
  const wall = [
    combine("Prism", peers.map((p) => [p.prism.figures.exchanges, p.prism.startMs + p.prism.figures.msPerExchange * p.prism.figures.exchanges])),
    combine("Dredd", peers.map((p) => [p.dredd.exchanges, p.dredd.run.wallMs])),
    combine("Specmatic", peers.map((p) => [p.specmatic.exchanges, p.specmatic.run.wallMs])),
  ];
  const fastestPeer = best.reduce((a, b) => (b.exchangesPerSecond > a.exchangesPerSecond ? b : a));
  const vsPrism = paired(ours.flatMap((o) => o.prism?.vsPrism.ratios ?? []));
  const overhead = paired(ours.flatMap((o) => o.overheadVsBare.ratios));
  const busy = paired(ours.flatMap((o) => o.busyOverheadVsBare.ratios));
  const ratios: Ratios = {
    vsFastestPeer: vsPrism.median,
    vsFastestPeerMin: vsPrism.min,
    vsFastestPeerMax: vsPrism.max,
    overheadVsBare: overhead.median,
    overheadVsBareMin: overhead.min,
    overheadVsBareMax: overhead.max,
    busyOverheadVsBare: busy.median,
  };
  const f2 = (v: number): string => v.toFixed(2);
  const range = (p: Paired): string => `${f2(p.median)} (${f2(p.min)}–${f2(p.max)})`;
  const { fit } = scaling;
  const targets: Target[] = [
    { name: `payconform exchanges/s ÷ Prism's (the fastest peer: ${fastestPeer.tool}), median of paired rounds (least–greatest)`, field: "ratios.vsFastestPeer", target: ">= 5", value: range(vsPrism), met: vsPrism.median >= 5 },
    { name: "payconform time per exchange, reporters included ÷ bare loop's, median of paired rounds (least–greatest)", field: "ratios.overheadVsBare", target: "<= 1.15", value: range(overhead), met: overhead.median <= 1.15 },
    { name: "cold start to first verdict (`run --provider enkash`) ÷ `node -e 0`, median of pairs (least–greatest)", field: "coldStart.ratioVsNode", target: "<= 3.5", value: `${range(cold.firstVerdict.vsNode)}; ${Math.round(cold.ms)} ms`, met: cold.ratioVsNode <= 3.5 },
    { name: "`payconform --help` ÷ `node -e 0`, median of pairs", field: "coldStart.help.ratioVsNode", target: "<= 1.6", value: `${range(cold.help.vsNode)}; ${Math.round(cold.help.ms)} ms`, met: cold.help.vsNode.median <= 1.6 },
    { name: "`payconform --version` ÷ `node -e 0`, median of pairs", field: "coldStart.version.ratioVsNode", target: "<= 1.6", value: `${range(cold.version.vsNode)}; ${Math.round(cold.version.ms)} ms`, met: cold.version.vsNode.median <= 1.6 },
    { name: `whole \`payconform run\`, all four providers, new process (median of ${full.runs})`, field: "fullRunMs", target: "<= 600 ms", value: `${Math.round(full.ms)} ms`, met: full.ms <= 600 },
    { name: `peak resident set, ${fit.largestK} provider runs in one process`, field: "scaling[].peakMiB", target: "<= 250 MiB", value: `${Math.round(fit.peakMiBAtLargestK)} MiB`, met: fit.peakMiBAtLargestK <= 250 },
    { name: `time linear in provider runs: ms per run at K=${fit.largestK} ÷ at K=8 (R² of the least-squares line)`, field: "scalingFit.perRunLargestOverK8", target: `<= ${LINEAR_TOLERANCE}`, value: `${f2(fit.perRunLargestOverK8)} (R² ${fit.r2.toFixed(3)})`, met: fit.perRunLargestOverK8 <= LINEAR_TOLERANCE },
  ];
  return { payconform, bare, peers: best, peersWall: wall, fastestPeer, ratios, paired: { vsFastestPeer: vsPrism, overheadVsBare: overhead, busyOverheadVsBare: busy }, targets };
}

function combine(tool: string, parts: Array<[number, number]>): ToolRate {
  const exchanges = parts.reduce((s, [n]) => s + n, 0);
  const ms = parts.reduce((s, [, t]) => s + t, 0);
  return { tool, exchanges, ms, exchangesPerSecond: ms > 0 ? exchanges / (ms / 1000) : 0 };
}
