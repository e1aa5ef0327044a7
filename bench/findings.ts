/**
 * The "Profile findings" section: what profiling showed and what was changed because of it,
 * then the figures measured in this run: the busy-time decomposition (decompose.ts) and the
 * CPU profiles (profile.ts).
 */
import type { Share } from "./cpuprofile.ts";
import type { ProfileFindings } from "./profile.ts";

/** What the profiles showed while the bench was built, and the change each finding led to. */
const FINDINGS: string[] = [
  "**Cold start: profiled with `node --cpu-prof` on a cold `payconform run --provider enkash`, then changed step by step (each step measured as whole processes, medians of 9–11).** Before: about 1.0 s on a quiet machine, 3.1 s for all four providers. (1) Masking the finished reports took 1.5 s of the full run: the quick test let a report through to the full per-character pattern whenever the secret's first six characters appeared anywhere and an ellipsis anywhere else (\"embedded sandbox\" and a shortened value were enough); it now requires the start right before the ellipsis, and a long text is masked a line at a time (full run 3.1 s → 1.6 s). (2) Ajv compiled the 2020-12 meta-schema in every Ajv instance at every start (125 ms for EnKash alone): `validateSchema: false` at run time, the spec lint holds schemas to the meta-schema. (3) Type stripping (amaro) and module resolution were about 370 ms: `npm ci` now bundles the CLI with esbuild (`prepare`, one chunk per command) and bin/payconform.mjs turns on `module.enableCompileCache()`; in this setting the compile cache does shorten the start. (4) An ESM import of `node:http` builds its facade, whose `WebSocket` getter loads undici (60 ms): built-ins are taken through `getBuiltinModule`/require in the bundle. (5) YAML parsing (80 ms) and compiling the response and sandbox validators (60 ms) moved to `npm run generate`: `generated/<provider>/document.json` and Ajv standalone validators, drift-checked, used only while the spec files keep their hashes; the YAML parser, JSONPath and Ajv's compiler are no longer loaded by a run of the bundled specs. (6) Smaller steps: the regex sampler's tier intersections cached per character set, parsed patterns kept by source, keep-alive agents for a provider's fixture state calls. After: about 350 ms for EnKash (first verdict a little earlier) and 0.7 s for all four on a quiet machine; `--version` and `--help` about 70 ms.",
  "**Measuring what a user runs, and what `--help` pays for.** The scaling child ran from src/ under Node's type stripping, whose compiler (amaro) alone holds about 17 MiB, while `payconform` runs the bundle in dist/: the child is now bundled as the CLI is (scripts/build.ts's `bundle`) and the bundle measured, 271 MiB for 64 provider runs under type stripping, about 235 MiB as a user runs it; the later probes (about 53,000 results for 64 runs instead of 48,400) took the peak back to about 275 MiB, nearly all of it while the four reports are rendered and masked (encoding each piece into one reused buffer instead of a new one per write did not move it beyond the noise). Cold-start profiles are read through the bundle's source maps, so samples fall to their src/ files instead of \"payconform code, other\". `--help` and `--version` made Node's stream for a piped stdout (net and the stream modules, about 5 ms of 70): print and printError now write to a pipe or a file through its descriptor until some code asks for process.stdout, and commander takes colour and width from src/output.ts; `--help` went from 1.6× to about 1.45× `node -e 0`. The run itself grew with the round-7 and round-8 probes (a body naming another fixture, three sibling accounts, the encoded path, listed keys, the nil account code, a query parameter sent twice), which is most of the change in the whole-run and cold-start figures.",
  "**A credential in a result.** Sending a valid credential in the query string (auth_enforcement's in-query case) put a secret into the path and curl of those results for the first time, and the whole run slowed from about 0.65 s to 1.15 s and 64 provider runs in one process from 4 s and 250 MiB to 13 s and 411 MiB: masking a provider's results as one JSON text compiled and ran the full per-character patterns (every form of some 20 secrets) over all of it, one line of about 400 KB, about 130 ms for Yuno, and parsed every result back. The results are now masked a result to a line, so the full patterns run only on the lines that hold a secret and only those results are parsed back, and the path a result records has a query credential masked where it is built, so a passed result holds none: 1.0 s for the whole run, 6 s and about 265 MiB for 64 runs. What is left of the growth is the added probes themselves (419 exchanges and 144 provider-state calls instead of 320 and 96).",
  "**Masking was the one cost that grew with everything.** The quick test searched each text once per form of every registered secret (raw, base64 at three alignments, base64url, hex, the start of each); it now searches all forms in one pass (a short list with the engine's substring search, a long one with a rolling hash behind a bit filter). A run of many providers also masked against every earlier provider's credentials, which were released only at the end of the run (a profile of 24 provider runs in one process: 85% of the CPU in redaction): a provider's results are now masked as its part ends and its credentials released then. Long reports are masked and written in pieces instead of as one string, and the runner keeps totals instead of every result: 64 provider runs in one process went from 123 s and 675 MiB to about 4 s and 200 MiB, linear in K. The pieces were a megabyte at first; as results grew, the peak rose to 250 MiB, which was garbage, not what the run keeps (27 MiB of live heap before the reports; a forced collection kept the peak at 215 MiB): pieces over 128 KiB are allocated in V8's large-object space, freed only by a full collection, and every piece leaves several copies behind as it is decoded and searched. Pieces of 32 K characters keep them in the young generation: the peak of 64 runs fell to about 217 MiB at the same speed.",
  "**What is left in a cold run** (see the category table below): Node's own start and built-in modules (http, net, child_process for commander), the bundle's evaluation, the HTTP exchanges with the embedded sandbox on the same thread (every scenario's requests, fixture set-up and tear-down, the concurrent-delete bursts and the polled deletes), deriving the regex cases, and masking and writing the four reports. None of these is a start-up cost that a cache removes; each is work the run does.",
  "**Reports in the measured loop.** payconform's loop hands every result to the reporters `payconform run` uses and writes junit.xml, conformance.json, report.html and summary.md at the end of each round. Every byte of every report passes the masking engine (the one redaction point, src/output.ts), and a round of 3,000 exchanges makes about 24,000 results: masking and rendering those reports is most of the difference from the bare loop, which writes nothing.",
  "**A whole run is far from the steady-state loop.** The real-run figure (whole `payconform run`, all four providers) divides the exchanges the sandboxes answered by the run's wall time, which also holds what the loop leaves out: set-up per provider (spec, sandbox start), fixtures set up through the state endpoint, polled and burst deletes, the reports, and process start and module loading (compare `fullRunMs` with the run's own `metadata.durationMs`).",
  "**Earlier work on the loop.** Secret forms computed once per secret; request templates, security headers and documented bodies worked out once per request context; allowed error codes and documented statuses cached per spec object; JSON pointers tokenised once; passed results not copied; curl commands rendered only for results that need one. Validators are compiled once per schema, the spec loaded once per process, connections kept alive.",
  "**Measuring it right.** The sandbox answers in a worker thread for every tool in the loops, so payconform, the bare loop and Prism (a separate process) get the same cores; scenarios queue behind the client's limiter as in `payconform run`; warm-up rounds alternate like the measured ones; payconform and Prism alternate in the same phase, and every ratio is the median of the paired ratios.",
  "**A secret outside ASCII, and where 64 runs' memory goes.** A whole run profiled after the credential-carrier and near-miss probes were added spent about half its CPU in findSecret and redact: the near-miss credential with an `é` in its middle is a secret outside ASCII, for which the quick test (src/http/quick-test.ts) gave no answer and sent every text to the full patterns. Its longest ASCII run now stands for it (every escaped form holds that run as it is), which took the profiled run from about 1.75 s to 0.86 s; near misses that hold the value itself (one character more, in quotes) are no longer registered. The 64-run peak is Node 24's young generation: `--trace-gc` shows a live heap of about 45 MB when the reports are written, while the semi-spaces grow to their 64 MiB maximum under the reports' allocation rate (heap total 99 → 219 MB in the last half second); `node --max-semi-space-size=4` gives about 130 MiB, and `--semi-space-growth-factor=1` set from inside the process about 150 MiB at some 18 % more time for the 64 runs, while setting it only when the reports start changes nothing (the growth is decided earlier).",
  "**The young generation capped while a run holds its results.** `--max-semi-space-size=16` on the command line took the 64 runs to about 155 MiB in the same time (a run cannot pass Node flags to itself, and the flag set from inside is ignored: the maximum is fixed when the heap is made). V8 reads `--semi-space-growth-factor` at each growth, though, so src/runner/young-generation.ts lets the young generation grow as usual until new_space reaches 16 MiB and then sets the factor to 1, giving V8's default of 2 back when the run ends: polled at each scenario's end, that gave about 130–140 MiB for the 64 runs, new_space staying at 16 MiB where it reached 128 MiB before, and no measurable change in time (a run of one provider never reaches the cap). A test shows the cap hold in a fresh process that retains two million objects (4 MiB with the cap, 128 MiB without).",
];

export function findingsMarkdown(p: ProfileFindings): string {
  const table = (rows: Share[]): string[] => ["| where | share of CPU samples |", "|---|--:|", ...rows.map((r) => `| ${r.label.replace(/^ {2}/, "&nbsp;&nbsp;")} | ${r.percent.toFixed(1)}% |`)];
  const bare = p.decomposition[0]?.busyMicrosPerExchange ?? 1;
  return [
    "## Profile findings",
    "",
    ...FINDINGS.map((f) => `- ${f}`),
    "",
    "### Where the time per exchange goes (EnKash, this run)",
    "",
    "Busy time of the loop thread per exchange, medians of the measured rounds; each line adds one piece of payconform's work to the one above. These rounds are separate from the throughput rounds, so the last line and the overhead ratio above differ by this run's noise.",
    "",
    "| loop | busy µs per exchange | ÷ bare |",
    "|---|--:|--:|",
    ...p.decomposition.map((d) => `| ${d.label} | ${d.busyMicrosPerExchange.toFixed(1)} | ${(d.busyMicrosPerExchange / bare).toFixed(3)} |`),
    "",
    `### Checked loop, EnKash, ${p.loop.exchanges.toLocaleString("en-US")} exchanges (node --cpu-prof, this run)`,
    "",
    ...table(p.loop.shares),
    "",
    p.loop.sandboxIdle === undefined ? "" : `The sandbox answers in a worker thread, idle ${p.loop.sandboxIdle.toFixed(1)}% of that thread's samples: the loop's thread, not the target, sets the pace.`,
    "",
    "Most samples of their own:",
    "",
    ...table(p.loop.topSelf),
    "",
    `### Cold \`payconform run --provider enkash\` (node --cpu-prof, ${Math.round(p.coldStart.durationMs)} ms profiled, ${p.coldStart.samples} samples)`,
    "",
    "Every sample in one category (`coldStart.profile` in results.json; bench/cold-categories.ts): its stack is read from the innermost frame outwards and goes to the first category a frame matches, by file and, for bundled sources, by function name; the rest falls back to payconform code, Node or V8.",
    "",
    "| category | share of CPU samples |",
    "|---|--:|",
    ...p.coldStart.categories.map((r) => `| ${r.label} | ${r.percent.toFixed(1)}% |`),
    "",
    "Inclusive shares of named functions (a sample can count in several rows):",
    "",
    ...table(p.coldStart.shares),
    "",
    "Most samples of their own:",
    "",
    ...table(p.coldStart.topSelf),
    "",
    `The .cpuprofile files are in ${p.dir.replace(/^.*\/(\.tmp\/)/, "$1")} (not committed); open them in Chrome DevTools or VS Code.`,
  ].join("\n");
}
