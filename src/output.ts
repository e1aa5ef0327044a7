/**
 * The one exit for everything payconform prints or writes. Every command's console output, every
 * report file, and everything a library prints (in this process, or captured from a child
 * process such as the Pact verifier) passes through `mask`, which replaces every credential
 * registered here, in every encoding src/http/redact.ts knows, with `***`. Colour is decided here
 * too: none under NO_COLOR or to a stream that is not a terminal, escape codes stripped from what
 * libraries print.
 *
 * The API, for any new output (a report format, a proxy's log):
 *
 *   protectSecrets(values)        register credential values as soon as they are known; returns a
 *                                 release for values whose life ends (MIN_SECRET_LENGTH in
 *                                 redact.ts is the floor credentials are held to)
 *   mask(text)                    text with every registered secret masked
 *   maskedValueCount()            how many values are registered now
 *   shorten(text)                 masked, and cut to about CONSOLE_VALUE_LIMIT characters, for the console
 *   print(text), printError(text) standard output, standard error
 *   writeOutputFile(path, text)   a whole file, masked, written to a temporary name then renamed
 *   writeOutputFileParts(path, p) the same from parts, masked and written a piece at a time
 *   capturedOutput(write)         a line-buffered writer that masks captured output on its way to `write`
 *   paint(style, text, stream)    `text` in a colour when `stream` gets colour
 *   guardProcessOutput()          routes every process.stdout/stderr write through mask and the
 *                                 colour rule; the CLI entry point calls it once
 *   writeCredentialsFile(path, c) the one unmasked write: credentials payconform made up (`serve`)
 *                                 handed to their user in a file only its owner can read
 *
 * Nothing else under src/ writes to a stream or a file that a user sees.
 */
import { closeSync, fstatSync, linkSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { MASK, redact } from "./http/redact.ts";

export { MASK };

/** Registered secrets, each with how many registrations hold it. */
const secrets = new Map<string, number>();
let secretList: string[] = [];

/**
 * Registers values to mask from now on: credentials, and values derived from them (a wrong or
 * near-miss credential). Credentials shorter than MIN_SECRET_LENGTH are refused where they come
 * in (src/runner/credentials.ts), so nothing this short as to garble ordinary text gets here.
 *
 * Returns a release for values whose life ends, such as an embedded sandbox's made-up credentials
 * once its run has written its reports: a process that runs many targets (the self-test) would
 * otherwise mask an ever longer list. A value stays masked while any registration holds it; the
 * CLI's own registration of the environment's credentials is never released.
 */
export function protectSecrets(values: Iterable<string>): () => void {
  const held = [...new Set(values)].filter((value) => value !== "");
  for (const value of held) secrets.set(value, (secrets.get(value) ?? 0) + 1);
  secretList = [...secrets.keys()];
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const value of held) {
      const count = (secrets.get(value) ?? 1) - 1;
      if (count > 0) secrets.set(value, count);
      else secrets.delete(value);
    }
    secretList = [...secrets.keys()];
  };
}

/** How many values are masked now (test/runner/credential-lifetime.test.ts watches that a run gives its credentials back). */
export function maskedValueCount(): number {
  return secretList.length;
}

export function mask(text: string): string {
  return secretList.length === 0 ? text : redact(text, secretList);
}

/** Longest a value printed to the console (a curl line, an expected or actual value) gets; reports keep values whole. */
export const CONSOLE_VALUE_LIMIT = 200;

/**
 * `text` masked and, when longer than `limit`, cut there with a note of how much was left out.
 * Masking comes first, so the cut never leaves part of a secret behind.
 */
export function shorten(text: string, limit = CONSOLE_VALUE_LIMIT): string {
  const masked = mask(text);
  if (masked.length <= limit) return masked;
  const end = /[\ud800-\udbff]/.test(masked[limit - 1]) ? limit - 1 : limit;
  return `${masked.slice(0, end)}… (${masked.length - end} more characters)`;
}

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** A terminal's width; undefined for a pipe or a file. */
  columns?: number;
}

/** Whether `stream` gets colour: never under NO_COLOR (https://no-color.org), never to a non-terminal. */
export function colourOn(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stream.isTTY === true;
}

const STYLES = { red: [31, 39], green: [32, 39], yellow: [33, 39], bold: [1, 22] } as const;

export function paint(style: keyof typeof STYLES, text: string, stream: { isTTY?: boolean } = stdout): string {
  const [open, close] = STYLES[style];
  return colourOn(stream) ? `\u001b[${open}m${text}\u001b[${close}m` : text;
}

/** CSI and OSC escape sequences, what terminals take as colour, cursor and title codes. */
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** What reaches `stream`: masked, and without escape codes when it gets no colour. */
export function filterFor(stream: { isTTY?: boolean }, text: string): string {
  const masked = mask(text);
  return colourOn(stream) ? masked : stripAnsi(masked);
}

type Write = (chunk: string | Uint8Array) => unknown;
const originals = new WeakMap<object, Write>();

type StandardName = "stdout" | "stderr";
const DESCRIPTORS: Record<StandardName, number> = { stdout: 1, stderr: 2 };

/**
 * Standard streams guardProcessOutput left for Node to make on first use. Making one costs about
 * 5 ms (a pipe's brings in net and the stream modules), a tenth of `payconform --version`, so
 * until some code asks for process.stdout or process.stderr, print and printError write to a pipe
 * or a file through its descriptor, synchronously, as Node's own stream for a pipe or a file does
 * on Linux. A terminal always gets the stream, which knows it is one.
 */
const deferred = new Set<StandardName>();

/** Whether each descriptor leads to a pipe, a file or a socket (not a terminal), asked once. */
const notTerminal = new Map<StandardName, boolean>();

/** Whether `name` is still deferred and leads to a pipe, a file or a socket (not a terminal). */
function direct(name: StandardName): boolean {
  if (!deferred.has(name)) return false;
  let known = notTerminal.get(name);
  if (known === undefined) {
    try {
      known = !fstatSync(DESCRIPTORS[name]).isCharacterDevice();
    } catch {
      // No such descriptor: the stream decides what to do about it.
      known = false;
    }
    notTerminal.set(name, known);
  }
  return known;
}

/**
 * Writes `text`, already filtered, to the descriptor of `name`. A reader that went away ends the
 * write, as the stream's EPIPE handler does; a descriptor that would block (EAGAIN) or takes
 * nothing hands the rest to the stream, which queues it.
 */
function writeDirect(name: StandardName, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let at = 0;
  while (at < bytes.length) {
    let written = 0;
    try {
      written = writeSync(DESCRIPTORS[name], bytes, at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") return;
      if (code !== "EAGAIN") throw error;
    }
    if (written <= 0) {
      const stream = process[name];
      (originals.get(stream) ?? ((chunk) => stream.write(chunk)))(bytes.subarray(at));
      return;
    }
    at += written;
  }
}

function writeTo(name: StandardName, text: string): void {
  if (direct(name)) {
    writeDirect(name, filterFor({ isTTY: false }, text));
    return;
  }
  const stream = process[name];
  const write = originals.get(stream) ?? ((chunk: string) => stream.write(chunk));
  write(filterFor(stream, text));
}

export function print(text: string): void {
  writeTo("stdout", text);
}

export function printError(text: string): void {
  writeTo("stderr", text);
}

/** process.stdout and process.stderr as OutputStreams that go through this module. */
export const stdout: OutputStream = {
  write: print,
  get isTTY() {
    return !direct("stdout") && process.stdout.isTTY === true;
  },
  get columns() {
    return direct("stdout") ? undefined : process.stdout.columns;
  },
};
export const stderr: OutputStream = {
  write: printError,
  get isTTY() {
    return !direct("stderr") && process.stderr.isTTY === true;
  },
  get columns() {
    return direct("stderr") ? undefined : process.stderr.columns;
  },
};

/**
 * Routes every write to process.stdout and process.stderr (console.log, a library's own output)
 * through mask and the colour rule. Masking works per write call: a library that splits one
 * secret across two writes is beyond it, which is why the Pact verifier runs in a child process
 * whose output is captured whole lines at a time (`capturedOutput`).
 */
export function guardProcessOutput(): void {
  for (const name of ["stdout", "stderr"] as const) {
    const property = Object.getOwnPropertyDescriptor(process, name);
    const make = property?.get;
    if (!make || !property.configurable) {
      guard(process[name]);
      continue;
    }
    // Node makes the stream on first use of its getter; the guard goes on at that moment.
    deferred.add(name);
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: property.enumerable,
      get() {
        const stream = make.call(process) as NodeJS.WriteStream;
        deferred.delete(name);
        guard(stream);
        return stream;
      },
    });
  }
}

function guard(stream: NodeJS.WriteStream): void {
  if (originals.has(stream)) return;
  // A reader that went away (`payconform ... | head`) is not an error of the command.
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  const original = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  originals.set(stream, (chunk) => original(chunk));
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk).toString("utf8") : String(chunk);
    const encodingGiven = typeof rest[0] === "string";
    return original(filterFor(stream, text), ...(encodingGiven ? ["utf8", ...rest.slice(1)] : rest));
  }) as typeof stream.write;
}

/** Writes `text`, masked, to `path`: first to a temporary file beside it, then renamed, so a reader never sees half a report. */
export function writeOutputFile(path: string, text: string): void {
  writeOutputFileParts(path, [text]);
}

/**
 * About how much text is masked and written at a time by writeOutputFileParts: small enough that
 * a piece and the copies masking makes of it stay out of V8's large-object space (over 128 KiB),
 * which only a full collection frees; megabyte pieces raised a long run's peak memory by a sixth.
 */
const WRITE_CHUNK = 1 << 15;

/**
 * Writes the concatenation of `parts`, masked, to `path` as writeOutputFile does, without ever
 * holding the whole text: it is masked and written about WRITE_CHUNK characters at a time, each
 * piece cut after a line break. No form of a secret spans a line break, unless a secret holds one:
 * while such a secret is registered, the whole text is masked at once.
 */
export function writeOutputFileParts(path: string, parts: Iterable<string>): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const whole = secretList.some((secret) => /[\r\n]/.test(secret));
  let fd: number | undefined;
  try {
    fd = openSync(temporary, "w");
    let pending = "";
    for (const part of parts) {
      pending += part;
      if (whole || pending.length < WRITE_CHUNK) continue;
      const cut = pending.lastIndexOf("\n") + 1;
      if (cut === 0) continue;
      writeFileSync(fd, mask(pending.slice(0, cut)));
      pending = pending.slice(cut);
    }
    writeFileSync(fd, mask(pending));
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes credentials that payconform made up for its user (`serve` without credentials in the
 * environment) as `NAME=value` lines, readable by a POSIX shell (`set -a; . FILE; set +a`), Node's
 * `--env-file` and `docker run --env-file`. This is the one write that is not masked: the values
 * are the point of the file. The file is created new with mode 0600 (only its owner can read it),
 * whole or not at all (a temporary file linked into place), and never over an existing file
 * (EEXIST). Only variable names and plain token values pass, so nothing else can leave this way.
 */
export function writeCredentialsFile(path: string, credentials: Record<string, string>): void {
  const lines = Object.entries(credentials).map(([name, value]) => {
    if (!/^[A-Z][A-Z0-9_]*$/.test(name) || !/^[A-Za-z0-9._~+/=-]+$/.test(value)) throw new Error(`not a credential variable: ${name}`);
    return `${name}=${value}\n`;
  });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, lines.join(""), { mode: 0o600, flag: "wx" });
    linkSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** A line longer than this is passed on in pieces, so captured output never piles up in memory. */
const MAX_PENDING = 1024 * 1024;

export interface CapturedOutput {
  write(chunk: Buffer | string): void;
  /** Passes on what is left of the last line. */
  end(): void;
}

/**
 * A writer for output captured from elsewhere (a child process): whole lines are masked and
 * passed to `write`, so a secret split across two chunks is still masked.
 */
export function capturedOutput(write: (text: string) => void): CapturedOutput {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  return {
    write: (chunk) => {
      pending += typeof chunk === "string" ? chunk : decoder.write(chunk);
      const cut = pending.length > MAX_PENDING ? pending.length : pending.lastIndexOf("\n") + 1;
      if (cut === 0) return;
      write(mask(pending.slice(0, cut)));
      pending = pending.slice(cut);
    },
    end: () => {
      pending += decoder.end();
      if (pending !== "") write(mask(pending));
      pending = "";
    },
  };
}
