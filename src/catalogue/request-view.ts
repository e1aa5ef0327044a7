/**
 * Small views of a sandbox request for the adapters: one path parameter as sent (decoded, even
 * when the router refuses it), a request with a header or query parameter replaced, and the set
 * of ids a sandbox handed out as fixtures.
 */
import type { HttpProvider } from "../providers.ts";
import { baseBehaviour } from "../sandboxes/index.ts";
import type { ProviderBehaviour, SandboxRequest } from "../sandboxes/types.ts";
import type { OperationSpec } from "../spec/model.ts";

/** The decoded value of path parameter `name` as sent, or undefined when it cannot be decoded. */
export function sentPathValue(req: SandboxRequest, op: OperationSpec, name: string): string | undefined {
  const index = op.path.split("/").slice(1).indexOf(`{${name}}`);
  const segment = index < 0 ? undefined : req.segments[index];
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The request with one header set to `value` (lowercase name). */
export function withHeader(req: SandboxRequest, name: string, value: string): SandboxRequest {
  return { ...req, headers: { ...req.headers, [name]: value } };
}

/** The request without query parameter `name`. */
export function withoutQuery(req: SandboxRequest, name: string): SandboxRequest {
  const query = new URLSearchParams(req.query);
  query.delete(name);
  return { ...req, query };
}

/** Whether any path segment of the request is `ids`' member, decoded. */
export function namesAny(req: SandboxRequest, ids: ReadonlySet<string>): boolean {
  return req.segments.some((segment) => {
    try {
      return ids.has(decodeURIComponent(segment));
    } catch {
      return false;
    }
  });
}

/** A createFixture step that also records every id it hands out into `issued`. */
export function recordingFixtures(provider: HttpProvider, issued: Set<string>): Pick<ProviderBehaviour, "createFixture"> {
  const base = baseBehaviour(provider);
  return {
    createFixture(env, requested) {
      const ids = base.createFixture(env, requested);
      for (const id of ids) issued.add(id);
      return ids;
    },
  };
}
