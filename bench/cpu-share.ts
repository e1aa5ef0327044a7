/**
 * How much of the machine's CPU went to other work while the bench ran: all busy CPU time
 * (/proc/stat) minus the bench's own, its threads and every child it waited for (/proc/self/stat
 * utime, stime, cutime, cstime). Other work competing for the two cores makes every figure
 * slower and noisier, so the report says how much there was. Contention on the host outside this
 * machine does not show there; a fixed piece of work, timed at the start and the end, shows it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export interface CpuSnapshot {
  /** Busy CPU time of the whole machine, in clock ticks. */
  machineBusy: number;
  /** All CPU time of the machine, busy or idle, in clock ticks. */
  machineTotal: number;
  /** CPU time of this process and its waited-for children, in clock ticks. */
  own: number;
}

export function cpuSnapshot(): CpuSnapshot | undefined {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = cpu;
    const busy = user + nice + system + irq + softirq + steal;
    // Fields after the command name, which is in parentheses and may hold spaces.
    const self = readFileSync("/proc/self/stat", "utf8");
    const fields = self.slice(self.lastIndexOf(")") + 2).split(" ").map(Number);
    const own = fields[11] + fields[12] + fields[13] + fields[14];
    return { machineBusy: busy, machineTotal: busy + idle + iowait, own };
  } catch {
    return undefined;
  }
}

/** Other work's share of the machine's CPU between two snapshots (0 to 1), when /proc can be read. */
export function otherWorkShare(start: CpuSnapshot | undefined, end: CpuSnapshot | undefined): number | undefined {
  if (!start || !end || end.machineTotal <= start.machineTotal) return undefined;
  const other = end.machineBusy - start.machineBusy - (end.own - start.own);
  return Math.max(0, other) / (end.machineTotal - start.machineTotal);
}

/** Milliseconds for a fixed piece of CPU work (hashing 256 MiB): the same on a quiet host run after run. */
export function speedCheckMs(): number {
  const block = Buffer.alloc(1024 * 1024, 7);
  const began = performance.now();
  const hash = createHash("sha256");
  for (let i = 0; i < 256; i++) hash.update(block);
  hash.digest();
  return performance.now() - began;
}
