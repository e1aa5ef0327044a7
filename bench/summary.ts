/**
 * The headline figures from the raw measurements: each tool's exchanges per second over both
 * providers (total exchanges over total time), and the ratios the targets are stated in.
 */
import type { CliTimings } from "./cli-timings.ts";
import type { PeerThroughput } from "./peer-throughput.ts";
import type { ProviderThroughput } from "./throughput.ts";

export interface ToolRate {
  tool: string;
  exchanges: number;
  ms: number;
  exchangesPerSecond: number;
}

export interface Summary {
  payconform: ToolRate;
  bare: ToolRate;
  /** Peers at their best: start-up excluded (Prism: the load window; Dredd, Specmatic: first to last exchange). */
  peers: ToolRate[];
  /** Peers with start-up included (Prism: spawn to listening plus the load; Dredd, Specmatic: spawn to exit). */
  peersWall: ToolRate[];
  fastestPeer: ToolRate;
  /** overheadVsBare: wall time per exchange; busyOverheadVsBare: the loop thread's busy time per exchange (steadier). Means over providers. */
  ratios: { vsFastestPeer: number; overheadVsBare: number; busyOverheadVsBare: number };
  targets: Array<{ name: string; target: string; value: string; met: boolean }>;
}

export function summarize(ours: readonly ProviderThroughput[], peers: readonly PeerThroughput[], cli: CliTimings): Summary {
  const payconform = combine("payconform", ours.map((o) => [o.payconform.exchanges, o.payconform.msPerExchange * o.payconform.exchanges]));
  const bare = combine("bare loop", ours.map((o) => [o.bare.exchanges, o.bare.msPerExchange * o.bare.exchanges]));
  const active = (r: { exchanges: number; activeRate?: number; run: { wallMs: number } }): [number, number] => [r.exchanges, r.activeRate ? (r.exchanges / r.activeRate) * 1000 : r.run.wallMs];
  const best = [
    combine("Prism", peers.map((p) => [p.prism.exchanges, p.prism.loadMs])),
    combine("Dredd", peers.map((p) => active(p.dredd))),
    combine("Specmatic", peers.map((p) => active(p.specmatic))),
  ];
  const wall = [
    combine("Prism", peers.map((p) => [p.prism.exchanges, p.prism.startMs + p.prism.loadMs])),
    combine("Dredd", peers.map((p) => [p.dredd.exchanges, p.dredd.run.wallMs])),
    combine("Specmatic", peers.map((p) => [p.specmatic.exchanges, p.specmatic.run.wallMs])),
  ];
  const fastestPeer = best.reduce((a, b) => (b.exchangesPerSecond > a.exchangesPerSecond ? b : a));
  const overheadVsBare = ours.reduce((sum, o) => sum + o.overheadVsBare, 0) / ours.length;
  const busyOverheadVsBare = ours.reduce((sum, o) => sum + o.busyOverheadVsBare, 0) / ours.length;
  const vsFastestPeer = payconform.exchangesPerSecond / fastestPeer.exchangesPerSecond;
  const firstVerdict = cli.warmCache.toFirstVerdictMs;
  return {
    payconform,
    bare,
    peers: best,
    peersWall: wall,
    fastestPeer,
    ratios: { vsFastestPeer, overheadVsBare, busyOverheadVsBare },
    targets: [
      { name: "payconform exchanges/s ÷ fastest peer's", target: ">= 3", value: vsFastestPeer.toFixed(2), met: vsFastestPeer >= 3 },
      { name: "payconform time per exchange ÷ bare loop's", target: "<= 1.3", value: overheadVsBare.toFixed(3), met: overheadVsBare <= 1.3 },
      { name: "the same, from the loop thread's busy time (steadier)", target: "<= 1.3", value: busyOverheadVsBare.toFixed(3), met: busyOverheadVsBare <= 1.3 },
      { name: "cold start (new process) to first verdict, one provider", target: "< 1000 ms", value: `${Math.round(firstVerdict)} ms`, met: firstVerdict < 1000 },
      { name: "the same on the first run after an install (fresh TMPDIR)", target: "< 1000 ms", value: `${Math.round(cli.freshCache.toFirstVerdictMs)} ms`, met: cli.freshCache.toFirstVerdictMs < 1000 },
    ],
  };
}

function combine(tool: string, parts: Array<[number, number]>): ToolRate {
  const exchanges = parts.reduce((s, [n]) => s + n, 0);
  const ms = parts.reduce((s, [, t]) => s + t, 0);
  return { tool, exchanges, ms, exchangesPerSecond: ms > 0 ? exchanges / (ms / 1000) : 0 };
}
