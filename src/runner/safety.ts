/**
 * Deletes are destructive: a run refuses a target that is one of the specs' production servers
 * unless --allow-production is given.
 */
import { UsageError } from "../errors.ts";
import type { ApiSpec } from "../spec/model.ts";

export function parseUrlOption(value: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} ${JSON.stringify(value)} is not a URL (expected e.g. http://127.0.0.1:8080/v1)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`${flag} must be an http or https URL, got ${url.protocol}`);
  return url;
}

export function productionServerFor(spec: ApiSpec, target: URL): string | undefined {
  return spec.servers.find((s) => s.environment === "production" && new URL(s.url).host.toLowerCase() === target.host.toLowerCase())?.url;
}

export function assertTargetAllowed(spec: ApiSpec, target: URL, allowProduction: boolean): void {
  const production = productionServerFor(spec, target);
  if (production && !allowProduction) {
    throw new UsageError(`${target.host} is ${spec.provider}'s production server (${production}); deletes are destructive, pass --allow-production to run against it`);
  }
}
