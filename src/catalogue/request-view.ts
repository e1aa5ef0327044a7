/**
 * Small views of a sandbox request for the adapters: one path parameter as sent (decoded, even
 * when the router refuses it), a request with a header or query parameter replaced, and the set
 * of ids a sandbox handed out as fixtures; and the behaviour pieces several adapters share: a
 * check made before the provider's own validation, Yuno's account code taken for the configured
 * one, and a delete that answers success again for what it already deleted; and reading a body:
 * whether a value is a JSON object, and a body's JSON or undefined.
 */
import { PROFILES } from "../profiles/index.ts";
import type { HttpProvider } from "../providers.ts";
import { baseBehaviour } from "../sandboxes/index.ts";
import type { ProviderBehaviour, SandboxContext, SandboxEnv, SandboxReply, SandboxRequest } from "../sandboxes/types.ts";
import type { OperationSpec } from "../spec/model.ts";

/** The decoded value of path parameter `name` as sent, or undefined when it cannot be decoded. */
export function sentPathValue(req: SandboxRequest, op: OperationSpec, name: string): string | undefined {
  const index = op.path.split("/").slice(1).indexOf(`{${name}}`);
  const segment = index < 0 ? undefined : req.segments[index];
  return segment === undefined ? undefined : decoded(segment);
}

/** Percent-encoded text decoded, or undefined where it does not decode (a lone %, bytes that are not UTF-8). */
export function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The last path segment decoded (the resource id as sent), or undefined where it does not decode. */
export function lastId(req: SandboxRequest): string | undefined {
  return decoded(req.segments.at(-1) ?? "");
}

/** The request with its last path segment naming `id`. */
export function withLastId(req: SandboxRequest, id: string): SandboxRequest {
  return { ...req, segments: [...req.segments.slice(0, -1), encodeURIComponent(id)] };
}

/**
 * An adapter that reads the id (the last path segment, decoded) as `read` does, before anything
 * else looks at the request: the request names what `read` gives, or stays as it is where `read`
 * gives nothing.
 */
export function readingLastId(read: (id: string, env: SandboxEnv) => string | undefined): { rewriteRequest: (req: SandboxRequest, env: SandboxEnv) => SandboxRequest } {
  return {
    rewriteRequest: (req, env) => {
      const id = lastId(req);
      const taken = id === undefined ? undefined : read(id, env);
      return taken === undefined || taken === id ? req : withLastId(req, taken);
    },
  };
}

/**
 * The request with the sandbox's own credentials in their documented headers, as a client holding
 * them sends them: what an adapter whose guard a request slipped past hands on to the provider.
 */
export function withValidCredentials(req: SandboxRequest, env: SandboxEnv): SandboxRequest {
  const profile = PROFILES[env.provider];
  const headers = { ...req.headers };
  for (const scheme of env.operation.security) {
    const source = profile.credentials[scheme.name];
    if (source?.kind === "apiKey") headers[String(scheme.headerName).toLowerCase()] = env.credentials[source.env] ?? "";
    else if (source?.kind === "bearer") headers.authorization = `Bearer ${env.credentials[source.env] ?? ""}`;
    else if (source?.kind === "basic") headers.authorization = `Basic ${Buffer.from(`${env.credentials[source.usernameEnv] ?? ""}:${source.password}`).toString("base64")}`;
  }
  return { ...req, headers };
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

/** A validate step that answers `first`'s reply where it has one, and validates as the provider does otherwise. */
export function validatingFirst(provider: HttpProvider, first: (req: SandboxRequest, ctx: SandboxContext) => SandboxReply | undefined): { behaviour: Pick<ProviderBehaviour, "validate"> } {
  const base = baseBehaviour(provider);
  return { behaviour: { validate: (req, ctx) => first(req, ctx) ?? base.validate(req, ctx) } };
}

/** Yuno validating a request whose x-account-code `takes` as if it carried the configured account code. */
export function accountCodeTaken(takes: (code: string, configured: string, ctx: SandboxContext) => boolean): { behaviour: Pick<ProviderBehaviour, "validate"> } {
  const yuno = baseBehaviour("yuno");
  return {
    behaviour: {
      validate: (req, ctx) => {
        const code = req.headers["x-account-code"];
        const configured = ctx.credentials.YUNO_ACCOUNT_CODE;
        return yuno.validate(typeof code === "string" && configured !== undefined && takes(code, configured, ctx) ? withHeader(req, "x-account-code", configured) : req, ctx);
      },
    },
  };
}

/** A remove step that answers its success again to a delete of what it already deleted (the record kept, soft-deleted or anonymized). */
export function succeedingAgain(provider: HttpProvider): () => { behaviour: Pick<ProviderBehaviour, "remove"> } {
  return () => {
    const base = baseBehaviour(provider);
    const removed = new Map<string, number>();
    return {
      behaviour: {
        remove(req, ctx) {
          const key = JSON.stringify(ctx.path);
          const again = removed.get(key);
          if (again !== undefined) return { status: again };
          const reply = base.remove(req, ctx);
          if (reply.status >= 200 && reply.status < 300) removed.set(key, reply.status);
          return reply;
        },
      },
    };
  };
}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The body parsed as JSON, or undefined where it is not JSON. */
export function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Juspay remembering which customer each account was made under, and deleting through `remove`,
 * which is told the account's owner (undefined for an account it did not make).
 */
export function juspayKnowingOwners(remove: (req: SandboxRequest, ctx: SandboxContext, owner: string | undefined) => SandboxReply): () => { behaviour: Pick<ProviderBehaviour, "createFixture" | "remove"> } {
  const juspay = baseBehaviour("juspay");
  return () => {
    const owners = new Map<string, string>();
    return {
      behaviour: {
        createFixture(env, requested) {
          const [customer, account] = juspay.createFixture(env, requested);
          owners.set(account, customer);
          return [customer, account];
        },
        remove: (req, ctx) => remove(req, ctx, owners.get(ctx.path.customer_account_id ?? "")),
      },
    };
  };
}

/** EnKash checking each parentCompanyId as `read` turns it (a second decoding, NFKC, invisible characters stripped), every other query value as sent. */
export function parentCompanyReadAs(read: (value: string) => string): { behaviour: Pick<ProviderBehaviour, "validate"> } {
  const enkash = baseBehaviour("enkash");
  return {
    behaviour: {
      validate: (req, ctx) => {
        const query = new URLSearchParams([...req.query].map(([name, value]): [string, string] => [name, name === "parentCompanyId" ? read(value) : value]));
        return enkash.validate({ ...req, query }, ctx);
      },
    },
  };
}

/** The value of cookie `name` the request sends, percent-decoded where it decodes, or undefined. */
export function cookieOf(req: SandboxRequest, name: string): string | undefined {
  for (const pair of String(req.headers.cookie ?? "").split(/;\s*/)) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at) === name) return decoded(pair.slice(at + 1)) ?? pair.slice(at + 1);
  }
  return undefined;
}
