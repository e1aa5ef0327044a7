/**
 * Deletes are destructive: a run refuses a target that is one of the specs' production servers
 * unless --allow-production is given. Every spec's production servers count, whichever providers
 * the run selects: a Yuno run aimed at Juspay's production host is refused as well.
 */
import { UsageError } from "../errors.ts";
import { HTTP_PROVIDERS } from "../providers.ts";
import { loadSpec } from "../spec/load.ts";
import type { ApiSpec } from "../spec/model.ts";

export function parseUrlOption(value: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} ${JSON.stringify(value)} is not a URL (expected e.g. http://127.0.0.1:8080/v1)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`${flag} must be an http or https URL, got ${url.protocol}`);
  // Credentials in a URL would be printed with it (progress line, curl commands) unmasked.
  if (url.username || url.password) throw new UsageError(`${flag} must not carry credentials; set them in environment variables (see README, Credentials)`);
  // A target is a base URL: request paths are appended to it, so a query or fragment would end up before them.
  if (flag === "--target" && (url.search || url.hash)) throw new UsageError(`${flag} must be a base URL without a query or fragment, got ${JSON.stringify(value)}`);
  return url;
}

/** The production server URL of `spec` on the target's host name (any port, a trailing dot ignored), if any. */
export function productionServerFor(spec: ApiSpec, target: URL): string | undefined {
  const host = (url: URL): string => url.hostname.toLowerCase().replace(/\.$/, "");
  return spec.servers.find((s) => s.environment === "production" && host(new URL(s.url)) === host(target))?.url;
}

export function assertTargetAllowed(target: URL, allowProduction: boolean, specs: readonly ApiSpec[] = HTTP_PROVIDERS.map((p) => loadSpec(p))): void {
  if (allowProduction) return;
  for (const spec of specs) {
    const production = productionServerFor(spec, target);
    if (production) {
      throw new UsageError(`${target.host} is ${spec.provider}'s production server (${production}); deletes are destructive, pass --allow-production to run against it`);
    }
  }
}
