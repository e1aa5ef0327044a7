/** The machine a bench ran on: cores, CPU model, memory, Node, and the date. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

export interface Machine {
  date: string;
  nproc: number;
  cpuModel: string;
  /** `free -g`, as printed. */
  memory: string;
  memoryTotalGiB: number;
  node: string;
  java: string;
  platform: string;
  /** 1, 5 and 15 minute load averages when the bench started and when it ended: other work on the machine shows here. */
  loadAverage: { start: number[]; end: number[] };
}

export function machine(loadAtStart: number[]): Machine {
  return {
    date: new Date().toISOString(),
    nproc: Number(tryRun("nproc", []) || os.availableParallelism()),
    cpuModel: cpuModel(),
    memory: tryRun("free", ["-g"]),
    memoryTotalGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    java: tryRun("java", ["-version"]).split("\n")[0] ?? "",
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: { start: loadAtStart.map(round2), end: os.loadavg().map(round2) },
  };
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => l.startsWith("model name"));
    return line ? line.split(":").slice(1).join(":").trim() : os.cpus()[0]?.model ?? "unknown";
  } catch {
    return os.cpus()[0]?.model ?? "unknown";
  }
}

/** A command's output (stdout, else stderr: `java -version` prints there), or "" when it cannot run. */
function tryRun(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 10_000 });
  if (result.error) return "";
  return (result.stdout.trim() || result.stderr.trim());
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
