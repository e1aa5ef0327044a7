/**
 * Runs openapi-generator 4.3.1 (typescript-fetch) through the npm wrapper
 * @openapitools/openapi-generator-cli, which openapitools.json pins to the jar placed by
 * scripts/install-generator-jar.mjs: nothing is downloaded. The wrapper runs under the Node that
 * runs this script.
 *
 * The wrapper finds openapitools.json through $PWD (before the process's cwd), so PWD is set to
 * the repository root: from any other folder it would create an empty openapitools.json there
 * and try to download the latest jar. It starts Java three times per run (help, completion,
 * generate); JVM_OPTIONS trade peak speed for start-up time, which is what short runs need.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { SpecError } from "../../src/errors.ts";
import { PROJECT_ROOT } from "../../src/providers.ts";

const require = createRequire(import.meta.url);

/** The wrapper's entry script (its package.json "bin"). */
function wrapperMain(): string {
  return join(dirname(require.resolve("@openapitools/openapi-generator-cli/package.json")), "main.js");
}

/** Appended to any JAVA_OPTS of the caller: C1 compiler only, serial GC (quicker start-up). */
const JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

/**
 * typescript-fetch options: ES2015+ output, and TypeScript 3.6+ typings (FetchAPI comes from
 * WindowOrWorkerGlobalScope rather than the removed GlobalFetch).
 */
const ADDITIONAL_PROPERTIES = ["supportsES6=true", "typescriptThreePlus=true"];

/** Generates a typescript-fetch SDK from a 3.0 document file into `outDir`. */
export async function runTypescriptFetch(specFile: string, outDir: string, specLabel: string): Promise<void> {
  const args = [
    wrapperMain(),
    "generate",
    "-g", "typescript-fetch",
    "-i", specFile,
    "-o", outDir,
    `--additional-properties=${ADDITIONAL_PROPERTIES.join(",")}`,
  ];
  const { code, output } = await run(process.execPath, args);
  if (code !== 0) throw new SpecError(`${specLabel}: openapi-generator failed: ${summarize(output)}`);
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, PWD: PROJECT_ROOT, JAVA_OPTS: [process.env.JAVA_OPTS, JVM_OPTIONS].filter(Boolean).join(" ") };
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", (error) => reject(new SpecError(`cannot start openapi-generator: ${error.message}`, { cause: error })));
    child.on("close", (code) => resolve({ code, output: Buffer.concat(chunks).toString("utf8") }));
  });
}

/** The generator's own error lines, joined on one line (its log is long and mostly INFO). */
function summarize(output: string): string {
  const lines = output.split("\n").map((l) => l.trim()).filter(Boolean);
  const useful = lines.filter((l) => /^-attribute|Exception|ERROR|Error count|issues with the specification/.test(l));
  const picked = (useful.length > 0 ? useful : lines.slice(-3)).slice(0, 5);
  return picked.join(" | ") || "no output";
}
