/**
 * The peers live in bench/peers/ with their own package.json and package-lock.json, apart from
 * payconform's dependencies. `npm ci` installs them there when node_modules is missing.
 */
import { existsSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { PEERS_DIR } from "./config.ts";
import { run } from "./spawn.ts";

export interface PeerPaths {
  prism: string;
  dredd: string;
  specmaticJar: string;
}

export function peerPaths(): PeerPaths {
  const bin = (name: string): string => realpathSync(join(PEERS_DIR, "node_modules", ".bin", name));
  return { prism: bin("prism"), dredd: bin("dredd"), specmaticJar: join(PEERS_DIR, "node_modules", "specmatic", "specmatic.jar") };
}

/** Installs the peers when they are missing; returns how long that took (0 when already there). */
export async function ensurePeers(timeoutMs: number): Promise<number> {
  const ready = ["prism", "dredd"].every((b) => existsSync(join(PEERS_DIR, "node_modules", ".bin", b))) && existsSync(join(PEERS_DIR, "node_modules", "specmatic", "specmatic.jar"));
  if (ready) return 0;
  process.stderr.write("bench: installing the peers (npm ci --prefix bench/peers)\n");
  // SCARF_ANALYTICS=false: a dependency of Prism would otherwise report the install.
  const result = await run("npm", ["ci", "--prefix", PEERS_DIR, "--no-audit", "--no-fund"], { timeoutMs, env: { ...process.env, SCARF_ANALYTICS: "false" } });
  if (result.code !== 0) throw new Error(`npm ci --prefix bench/peers failed (exit ${result.code}${result.timedOut ? ", timed out" : ""}): ${result.stderr.split("\n").slice(-5).join(" ")}`);
  return result.ms;
}
