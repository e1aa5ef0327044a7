/**
 * A cap on the young generation's growth while a run holds its results. V8 doubles the young
 * generation's semi-spaces whenever much of it survives a scavenge, which is what a run does: every
 * result is kept for the reports. Left alone new_space grows to 128 MiB, and a run of 64 providers
 * peaked near 290 MiB resident while its live heap was about 45 MB. Once the young generation
 * reaches YOUNG_CAP_BYTES the run stops its growth (V8's --semi-space-growth-factor, read at each
 * growth), and gives the default back when it ends; the same run then peaks near 140 MiB, in the
 * same time (bench/results.md, "Peak memory"). Node takes a V8 flag after start through
 * v8.setFlagsFromString; a flag it ignores changes nothing but the peak.
 */

/** The young generation's size, as V8 reports it (new_space), at which growth stops. */
export const YOUNG_CAP_BYTES = 16 * 1024 * 1024;
/** V8's own growth factor, given back when the run ends. */
const DEFAULT_GROWTH_FACTOR = 2;

export interface YoungGenerationCap {
  /** Stops the growth once the young generation has reached the cap; cheap, called per scenario. */
  check(): void;
  /** Gives V8 its default growth back, when the cap took effect and no other run in the process still holds it. */
  release(): void;
}

/** Runs whose cap has taken effect: the process-wide flag is given back only when the last of them ends. */
let holding = 0;

export function youngGenerationCap(capBytes = YOUNG_CAP_BYTES): YoungGenerationCap {
  const v8 = process.getBuiltinModule("node:v8");
  let capped = false;
  return {
    check: () => {
      if (capped) return;
      const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === "new_space");
      if (young === undefined || young.space_size < capBytes) return;
      if (holding++ === 0) v8.setFlagsFromString("--semi-space-growth-factor=1");
      capped = true;
    },
    release: () => {
      if (!capped) return;
      capped = false;
      if (--holding === 0) v8.setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH_FACTOR}`);
    },
  };
}
