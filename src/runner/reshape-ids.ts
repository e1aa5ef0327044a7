/**
 * A fixture's path ids reshaped as a plan asks (RequestPlan.regroup, idFrom): other ids, each of
 * which a loose lookup takes for the fixture's. Undefined when the ids give no such reshaping (no
 * separator to regroup at): the step then has nothing to send.
 */
import type { RequestPlan } from "../cases/model.ts";

/** Separators a key joined from several ids may use. */
const SEPARATOR = /[_\-:.|]/;

export function reshapedIds(plan: RequestPlan, names: readonly string[], values: Record<string, string>): Record<string, string> | undefined {
  let reshaped = values;
  if (plan.idFrom) {
    reshaped = { ...reshaped };
    for (const [name, from] of Object.entries(plan.idFrom)) {
      if (reshaped[from] === undefined) return undefined;
      reshaped[name] = reshaped[from];
    }
  }
  if (plan.regroup && names.length >= 2) {
    const [parent, resource] = names.slice(-2);
    const regrouped = regroup(reshaped[parent] ?? "", reshaped[resource] ?? "", plan.regroup);
    if (!regrouped) return undefined;
    reshaped = { ...reshaped, [parent]: regrouped[0], [resource]: regrouped[1] };
  }
  return reshaped;
}

/** `parent` and `resource` regrouped at a separator, `parent + sep + resource` unchanged; undefined without one. */
function regroup(parent: string, resource: string, how: "into-parent" | "into-resource"): [string, string] | undefined {
  if (how === "into-parent") {
    const at = resource.search(SEPARATOR);
    return at > 0 && at < resource.length - 1 ? [`${parent}${resource[at]}${resource.slice(0, at)}`, resource.slice(at + 1)] : undefined;
  }
  const separators = [...parent].map((c, i) => (SEPARATOR.test(c) ? i : -1)).filter((i) => i > 0 && i < parent.length - 1);
  const at = separators.at(-1);
  return at === undefined ? undefined : [parent.slice(0, at), `${parent.slice(at + 1)}${parent[at]}${resource}`];
}
