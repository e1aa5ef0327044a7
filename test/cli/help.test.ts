/**
 * `--help` and `--version`: every command (subcommands included) documents every option with its
 * default, `payconform run --help` and the others print that help and exit 0, `--version` prints
 * package.json's version.
 */
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { COMMANDS, type CommandEntry } from "../../src/cli/commands.ts";
import { PROJECT_ROOT } from "../../src/providers.ts";
import { runCli } from "./spawn-cli.ts";

type Runnable = Extract<CommandEntry, { load: unknown }>;

/** Every runnable command, by its words: ["run"], ["spec", "diff"], ... */
function commandPaths(entries: Record<string, CommandEntry> = COMMANDS, prefix: string[] = []): Array<[string[], Runnable]> {
  return Object.entries(entries).flatMap(([name, entry]): Array<[string[], Runnable]> =>
    "subcommands" in entry ? commandPaths(entry.subcommands, [...prefix, name]) : [[[...prefix, name], entry]],
  );
}

/** The options a command declares. */
async function optionsOf(entry: Runnable): Promise<Command["options"]> {
  const command = new Command("x");
  (await entry.load()).configure(command);
  return command.options;
}

const PATHS = commandPaths();
const VERSION = (JSON.parse(readFileSync(`${PROJECT_ROOT}/package.json`, "utf8")) as { version: string }).version;

describe("every command declares every option with a description and its default", () => {
  it("covers the commands README documents", () => {
    expect(PATHS.map(([words]) => words.join(" "))).toEqual(["run", "serve", "validate-payload", "inventory", "verify-pacts", "check-pacts", "proxy", "spec diff", "spec update"]);
  });

  it.each(PATHS.map(([words, entry]) => [words.join(" "), entry] as const))("%s", async (_name, entry) => {
    for (const option of await optionsOf(entry)) {
      expect(option.long, option.flags).toMatch(/^--[a-z][a-z-]*$/);
      expect(option.description, option.flags).toMatch(/^\S.{10,}( \(default: .+\)| \(required\))$/s);
    }
  });
});

describe("payconform <command> --help", () => {
  it.concurrent.each(PATHS.map(([words]) => [words.join(" "), words] as const))("%s prints its usage and every option, exit 0", async (_name, words) => {
    const result = await runCli([...words, "--help"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(new RegExp(`^Usage: payconform ${words.join(" ")} `));
    expect(result.stdout).not.toMatch(/unknown option/i);
    const entry = PATHS.find(([w]) => w.join(" ") === words.join(" "))![1];
    for (const option of await optionsOf(entry)) expect(result.stdout).toContain(option.long);
    expect(result.stdout).toContain("-h, --help");
  });

  it("payconform run --help shows each flag's default", async () => {
    const result = await runCli(["run", "--help"]);
    expect(result.code).toBe(0);
    const help = result.stdout.replace(/\s+/g, " ");
    for (const text of ["--seed <n> case generation seed, 0 to 4294967295 (default: 1)", "--concurrency <n>", "(default: 4)", "--timeout-ms <n>", "(default: 10000)", "--strict warnings count as failures (default: off)", "--report-dir <dir> where the reports go; made if missing (default: reports/)", "(default: console)"]) {
      expect(help).toContain(text);
    }
  });

  it("payconform help run is payconform run --help", async () => {
    const [help, flag] = await Promise.all([runCli(["help", "run"]), runCli(["run", "--help"])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(flag.stdout);
  });

  it("payconform --help lists every command and the exit codes", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(result.stdout).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
    expect(result.stdout).toContain("130 / 143 interrupted by SIGINT / SIGTERM");
  });

  it("payconform alone prints the help on stderr, exit 2", async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^Usage: payconform \[options\] \[command\]/);
  });
});

describe("payconform --version", () => {
  it.concurrent.each([["--version"], ["-V"]])("%s prints package.json's version, exit 0", async (flag) => {
    const result = await runCli([flag]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${VERSION}\n`);
    expect(result.stderr).toBe("");
  });
});
