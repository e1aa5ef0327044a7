/** Violations of shape: a changed literal prefix, flipped letter case, a character outside its class. */
import { allNodes, type ClassNode, type PatternNode } from "./ast.ts";
import { has, pickIn, type CharSet } from "./charset.ts";
import { charCount, quote } from "./describe.ts";
import { rewriteSpans, type Mutation } from "./mutation.ts";

const UPPERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWERS = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
/** Characters tried, in order, as the one that does not belong to a class. */
const OUTSIDERS = "_!-.~@*$+#" + Array.from({ length: 95 }, (_, k) => String.fromCharCode(0x20 + k)).join("");

/** The literal text each top-level branch starts with (after `^`), or [] when one has none. */
function literalPrefixes(alternatives: PatternNode[][]): string[] {
  const out: string[] = [];
  for (const seq of alternatives) {
    const from = seq.findIndex((n) => n.kind !== "anchor" || n.at !== "start");
    const rest = from < 0 ? [] : seq.slice(from);
    const first = rest[0];
    if (first?.kind === "group") {
      const inner = literalPrefixes(first.alternatives);
      if (inner.length === 0) return [];
      out.push(...inner);
      continue;
    }
    let run = "";
    for (const node of rest) {
      if (node.kind !== "literal") break;
      run += node.char;
    }
    if (run === "") return [];
    out.push(run);
  }
  return out;
}

function sameKind(c: string): string {
  if (/[A-Z]/.test(c)) return UPPERS;
  if (/[0-9]/.test(c)) return DIGITS;
  return LOWERS;
}

export const wrongPrefix: Mutation = ({ ast, base, rng }) => {
  const prefixes = literalPrefixes(ast.alternatives);
  if (prefixes.length === 0 || base.value === "") return undefined;
  const first = Array.from(base.value)[0];
  const taken = new Set(prefixes.map((p) => Array.from(p)[0]));
  const choices = Array.from(sameKind(first)).filter((c) => !taken.has(c));
  if (choices.length === 0) return undefined;
  const value = rng.pick(choices) + base.value.slice(first.length);
  const used = prefixes.find((p) => base.value.startsWith(p)) ?? prefixes[0];
  const shown = Array.from(value).slice(0, charCount(used)).join("");
  return { value, description: `starts with ${quote(shown)} instead of the literal prefix ${prefixes.map(quote).join(" or ")}` };
};

/** Letters of one case, in classes that exclude the other case, turned into the other case. */
function flipCase(to: "lower" | "upper"): Mutation {
  const convert = (c: string): string => (to === "lower" ? c.toLowerCase() : c.toUpperCase());
  const eligible = (set: CharSet): string[] => pickIn(set, to === "lower" ? UPPERS : LOWERS).filter((c) => !has(set, convert(c)));
  return ({ ast, base, rng }) => {
    const targets = new Set<PatternNode>(allNodes(ast).filter((n) => n.kind === "class" && eligible(n.set).length > 0));
    let changed = false;
    let value = rewriteSpans(base, (span, text) => {
      if (!targets.has(span.node) || !eligible((span.node as ClassNode).set).includes(text)) return text;
      changed = true;
      return convert(text);
    });
    if (!changed) {
      value = rewriteSpans(base, (span, text) => {
        if (changed || !targets.has(span.node)) return text;
        changed = true;
        return convert(rng.pick(eligible((span.node as ClassNode).set)));
      });
    }
    if (!changed) return undefined;
    const sources = [...new Set(base.spans.filter((s) => targets.has(s.node)).map((s) => s.node.source))].join(", ");
    const other = to === "lower" ? "uppercase" : "lowercase";
    return { value, description: `has its letters ${to}cased where ${sources} allows only ${other} ones` };
  };
}

export const lowercase = flipCase("lower");
export const uppercase = flipCase("upper");

export const wrongCharClass: Mutation = ({ base, rng }) => {
  const outsider = (set: CharSet): string | undefined => Array.from(OUTSIDERS).find((c) => !has(set, c));
  const options = base.spans.filter((s) => s.node.kind === "class" && outsider(s.node.set) !== undefined);
  if (options.length === 0) return undefined;
  const span = rng.pick(options);
  const c = outsider((span.node as ClassNode).set)!;
  const value = base.value.slice(0, span.start) + c + base.value.slice(span.end);
  const position = charCount(base.value.slice(0, span.start)) + 1;
  return { value, description: `has ${quote(c)} at character ${position}, outside ${span.node.source}` };
};
