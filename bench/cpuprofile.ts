/**
 * Reads a V8 .cpuprofile (node --cpu-prof) into the two views the findings need: the share of
 * samples under a named function (inclusive, outermost call only), and the functions with the
 * most samples of their own.
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame & { columnNumber?: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  startTime: number;
  endTime: number;
}

export interface Share {
  label: string;
  percent: number;
}

export interface ProfileView {
  samples: number;
  /** From the profile's start to its end. */
  durationMs: number;
  /** Share of samples under a function (by name, and by the end of its file's URL when given). */
  inclusive(label: string, fn: string, file?: string): Share;
  /** Share of samples under any function of files whose URL contains `part`. */
  inclusiveFile(label: string, part: string): Share;
  /** The `n` functions with the most samples of their own. */
  topSelf(n: number): Share[];
  /** Every sample in exactly one category: `classify` is given the sample's stack, innermost frame first. Largest first. */
  byCategory(classify: (stack: readonly CallFrame[]) => string): Share[];
}

export function readProfile(path: string): ProfileView {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  toSources(profile.nodes);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = new Map<number, number>();
  for (const s of profile.samples) own.set(s, (own.get(s) ?? 0) + 1);
  const total = profile.samples.length;
  const under = new Map<number, number>();
  const subtree = (id: number): number => {
    const hit = under.get(id);
    if (hit !== undefined) return hit;
    let sum = own.get(id) ?? 0;
    for (const c of byId.get(id)?.children ?? []) sum += subtree(c);
    under.set(id, sum);
    return sum;
  };
  /** Samples under every outermost node that matches. */
  const outermost = (label: string, match: (n: ProfileNode) => boolean): Share => {
    let sum = 0;
    for (const n of profile.nodes) {
      if (!match(n)) continue;
      let up = parent.get(n.id);
      let nested = false;
      while (up !== undefined && !nested) {
        nested = match(byId.get(up)!);
        up = parent.get(up);
      }
      if (!nested) sum += subtree(n.id);
    }
    return { label, percent: total ? (100 * sum) / total : 0 };
  };
  return {
    samples: total,
    durationMs: (profile.endTime - profile.startTime) / 1000,
    inclusive: (label, fn, file) => outermost(label, (n) => n.callFrame.functionName === fn && (file === undefined || n.callFrame.url.endsWith(file))),
    inclusiveFile: (label, part) => outermost(label, (n) => n.callFrame.url.includes(part)),
    byCategory(classify) {
      const category = new Map<number, string>();
      const stackOf = (id: number): CallFrame[] => {
        const stack: CallFrame[] = [];
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
        return stack;
      };
      const counts = new Map<string, number>();
      for (const [id, count] of own) {
        let name = category.get(id);
        if (name === undefined) category.set(id, (name = classify(stackOf(id))));
        counts.set(name, (counts.get(name) ?? 0) + count);
      }
      return [...counts].sort((a, b) => b[1] - a[1]).map(([label, count]) => ({ label, percent: total ? (100 * count) / total : 0 }));
    },
    topSelf(n) {
      const self = new Map<string, number>();
      for (const node of profile.nodes) {
        const count = own.get(node.id) ?? 0;
        if (count === 0) continue;
        const cf = node.callFrame;
        const where = cf.url ? `${cf.url.replace(/^.*\/(src|bench|node_modules)\//, "$1/").replace(/^node:/, "node:")}:${cf.lineNumber + 1}` : "native";
        const key = `${cf.functionName || "(anonymous)"} ${where}`;
        self.set(key, (self.get(key) ?? 0) + count);
      }
      return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([label, count]) => ({ label, percent: (100 * count) / total }));
    },
  };
}

/**
 * Frames in the bundle (dist/*.mjs) named by the source they were bundled from, through the
 * bundle's source map, so a profile of the CLI a user runs is sorted by src/ file like one of
 * src/ itself. Frames without a map, or outside any mapped range, stay as they are.
 */
function toSources(nodes: ProfileNode[]): void {
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (url: string): SourceMap | undefined => {
    if (!maps.has(url)) {
      const file = `${fileURLToPath(url)}.map`;
      maps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, "utf8"))) : undefined);
    }
    return maps.get(url);
  };
  for (const { callFrame: f } of nodes) {
    if (!/^file:.*\/dist\/[^/]+\.mjs$/.test(f.url)) continue;
    const entry = mapOf(f.url)?.findEntry(f.lineNumber, f.columnNumber ?? 0);
    if (!entry || !("originalSource" in entry) || !entry.originalSource) continue;
    f.url = new URL(entry.originalSource, f.url).href;
    f.lineNumber = entry.originalLine;
  }
}
