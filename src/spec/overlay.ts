/**
 * OpenAPI Overlay Specification 1.0.0: an overlay document is a list of actions, each a JSONPath
 * `target` with an `update` (merged into every selected object, appended to every selected array)
 * or `remove: true` (every selected node taken out of its parent). Actions apply in order.
 *
 * payconform keeps a provider's published document as `upstream.yaml` and its own additions as
 * `overlay.yaml` beside it (`extends: upstream.yaml`); the effective spec is the one with the
 * overlay applied. JSONPath is evaluated by jsonpath-plus, with its safe (non-`eval`) filter engine.
 *
 * Merging follows the rules the Overlay 1.1.0 text spells out for 1.0's "recursively merged": a
 * property only in the update is added, a primitive replaces a primitive, an array is appended to
 * an array, an object is merged into an object; any other pairing is a conflict.
 */
import { dirname, resolve } from "node:path";
import { SpecError } from "../errors.ts";
import { requireLazily } from "../lazy-require.ts";

type Obj = Record<string, unknown>;

export const OVERLAY_FILE = "overlay.yaml";
export const UPSTREAM_FILE = "upstream.yaml";

export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

export interface OverlayDocument {
  overlay: string;
  info: { title: string; version: string };
  /** The document the overlay applies to, relative to the overlay's own location. */
  extends?: string;
  actions: OverlayAction[];
}

/** What became of one action when it was applied. */
export interface ActionOutcome {
  /** Position in `actions`, from 0. */
  index: number;
  /** The action's description, or its target when it has none: how people name it. */
  name: string;
  target: string;
  kind: "update" | "remove";
  /** JSON pointers of the nodes the target selected (none: the action no longer applies). */
  matched: string[];
  /** Why the action could not be applied to a node it selected, if it could not. */
  conflict?: string;
  /** Values of the target the update replaced with different ones: where the overlay overrides the document. */
  overrides: Array<{ pointer: string; was: unknown; now: unknown }>;
}

export interface AppliedOverlay {
  document: Obj;
  outcomes: ActionOutcome[];
}

export function isOverlayDocument(value: unknown): boolean {
  return isObj(value) && "overlay" in value && !("openapi" in value);
}

const ACTION_FIELDS = ["target", "description", "update", "remove"];

/** A problem with the shape of an overlay document, at a JSON pointer into it. */
export interface OverlayProblem {
  pointer: string;
  message: string;
}

/** Every way `value` departs from the Overlay 1.0 document shape (empty: it is an overlay). */
export function overlayProblems(value: unknown): OverlayProblem[] {
  if (!isObj(value)) return [{ pointer: "", message: "an overlay document must be a mapping" }];
  const problems: OverlayProblem[] = [];
  const fail = (pointer: string, message: string) => problems.push({ pointer, message });
  if (typeof value.overlay !== "string" || !/^1\.0\.\d+$/.test(value.overlay)) fail("/overlay", `expected an Overlay 1.0.x version, got ${JSON.stringify(value.overlay)}`);
  const info = value.info;
  if (!isObj(info) || typeof info.title !== "string" || typeof info.version !== "string") fail("/info", "needs a title and a version (strings)");
  if ("extends" in value && typeof value.extends !== "string") fail("/extends", "must be a string (a URI reference)");
  for (const key of Object.keys(value)) {
    if (!["overlay", "info", "extends", "actions"].includes(key) && !key.startsWith("x-")) fail(`/${key}`, "is not an Overlay 1.0 field");
  }
  if (!Array.isArray(value.actions) || value.actions.length === 0) {
    fail("/actions", "must be a non-empty list");
    return problems;
  }
  value.actions.forEach((action, i) => {
    const at = `/actions/${i}`;
    if (!isObj(action)) return fail(at, "an action must be a mapping");
    if (typeof action.target !== "string" || !action.target.startsWith("$")) fail(`${at}/target`, "must be a JSONPath expression starting with $");
    if ("description" in action && typeof action.description !== "string") fail(`${at}/description`, "must be a string");
    if ("remove" in action && typeof action.remove !== "boolean") fail(`${at}/remove`, "must be a boolean");
    if (!("update" in action) && action.remove !== true) fail(at, "has neither an update nor remove: true");
    for (const key of Object.keys(action)) if (!ACTION_FIELDS.includes(key) && !key.startsWith("x-")) fail(`${at}/${key}`, "is not an action field");
  });
  return problems;
}

/** The overlay document, or a SpecError naming its first problem. */
export function parseOverlay(value: unknown, file: string): OverlayDocument {
  const [first] = overlayProblems(value);
  if (first) throw new SpecError(`${file}#${first.pointer}: ${first.message}`);
  return value as OverlayDocument;
}

/** Applies every action in order to a copy of `document`. The input is left as it was. */
export function applyOverlay(document: Obj, overlay: OverlayDocument): AppliedOverlay {
  const root: { doc: unknown } = { doc: structuredClone(document) };
  const outcomes = overlay.actions.map((action, index) => applyAction(root, action, index));
  if (!isObj(root.doc)) throw new SpecError("an overlay action replaced the whole document with a non-object");
  return { document: root.doc, outcomes };
}

function applyAction(root: { doc: unknown }, action: OverlayAction, index: number): ActionOutcome {
  const kind = action.remove === true ? "remove" : "update";
  const outcome: ActionOutcome = { index, name: action.description ?? action.target, target: action.target, kind, matched: [], overrides: [] };
  const nodes = select(root.doc, action.target);
  outcome.matched = nodes.map((n) => n.pointer);
  if (kind === "remove") {
    // Remove from the end, so array indexes of nodes still to remove stay valid.
    for (const node of [...nodes].reverse()) {
      if (node.parent === null) outcome.conflict = "the document root cannot be removed";
      else if (Array.isArray(node.parent)) node.parent.splice(Number(node.key), 1);
      else delete (node.parent as Obj)[String(node.key)];
    }
    return outcome;
  }
  for (const node of nodes) {
    const merged = mergeInto(node.value, action.update, node.pointer, outcome.overrides);
    if (typeof merged === "string") {
      outcome.conflict = merged;
      continue;
    }
    if (node.parent === null) root.doc = merged.value;
    else (node.parent as Obj)[String(node.key)] = merged.value;
  }
  return outcome;
}

interface Selected {
  pointer: string;
  value: unknown;
  parent: Obj | unknown[] | null;
  key: string | number | null;
}

function select(doc: unknown, target: string): Selected[] {
  let found: Array<{ pointer: string; value: unknown; parent: unknown; parentProperty: string | number | null }>;
  try {
    const { JSONPath } = requireLazily("jsonpath-plus") as typeof import("jsonpath-plus");
    found = (JSONPath({ path: target, json: doc as object, resultType: "all", wrap: true, eval: "safe" }) ?? []) as typeof found;
  } catch (error) {
    throw new SpecError(`overlay target ${target} is not a JSONPath expression payconform can evaluate: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  return found.map((r) => ({
    pointer: r.pointer,
    value: r.value,
    parent: r.pointer === "" ? null : (r.parent as Obj | unknown[]),
    key: r.pointer === "" ? null : r.parentProperty,
  }));
}

/** The merged value, or a one-line reason the update does not fit the node. */
function mergeInto(node: unknown, update: unknown, pointer: string, overrides: ActionOutcome["overrides"]): { value: unknown } | string {
  if (Array.isArray(node)) return { value: [...node, structuredClone(update)] };
  if (isObj(node)) {
    if (!isObj(update)) return `${pointer || "/"} is an object, but the update is not`;
    return mergeObjects(node, update, pointer, overrides);
  }
  return `${pointer || "/"} is ${node === null ? "null" : typeof node}; Overlay 1.0 targets objects and arrays only`;
}

function mergeObjects(target: Obj, update: Obj, pointer: string, overrides: ActionOutcome["overrides"]): { value: Obj } | string {
  const out: Obj = { ...target };
  for (const [key, value] of Object.entries(update)) {
    const here = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    const current = out[key];
    if (key in out && isPrimitive(current) && isPrimitive(value) && current !== value) overrides.push({ pointer: here, was: current, now: value });
    if (!(key in out) || (isPrimitive(current) && isPrimitive(value))) out[key] = structuredClone(value);
    else if (Array.isArray(current) && Array.isArray(value)) out[key] = [...current, ...structuredClone(value)];
    else if (isObj(current) && isObj(value)) {
      const merged = mergeObjects(current, value, here, overrides);
      if (typeof merged === "string") return merged;
      out[key] = merged.value;
    } else return `${here} cannot merge ${describe(value)} into ${describe(current)}`;
  }
  return { value: out };
}

/**
 * The effective document of an overlay file: its `extends` document (read with `readTarget`)
 * with the overlay applied. An action that conflicts with its target is a SpecError; an action
 * that selects nothing is reported in `outcomes` (the spec lint and `spec update` name it).
 */
export function resolveOverlay(file: string, value: unknown, readTarget: (file: string) => Obj): AppliedOverlay & { upstreamFile: string } {
  const overlay = parseOverlay(value, file);
  if (overlay.extends === undefined) throw new SpecError(`${file}: an overlay payconform loads must name the document it extends (extends: ${UPSTREAM_FILE})`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(overlay.extends)) throw new SpecError(`${file}: extends must be a local file, got ${overlay.extends}`);
  const upstreamFile = resolve(dirname(file), overlay.extends);
  const applied = applyOverlay(readTarget(upstreamFile), overlay);
  const conflict = applied.outcomes.find((o) => o.conflict);
  if (conflict) throw new SpecError(`${file}: action ${conflict.index} (${conflict.name}): ${conflict.conflict}`);
  return { ...applied, upstreamFile };
}

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== "object";
}
function describe(value: unknown): string {
  return Array.isArray(value) ? "an array" : isObj(value) ? "an object" : value === null ? "null" : `a ${typeof value}`;
}
function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
