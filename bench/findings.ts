/**
 * The "Profile findings" section: what profiling showed and what was changed because of it,
 * then the figures measured in this run: the busy-time decomposition (decompose.ts) and the
 * CPU profiles (profile.ts).
 */
import type { Share } from "./cpuprofile.ts";
import type { ProfileFindings } from "./profile.ts";

/** What the profiles showed while the bench was built, and the change each finding led to. */
const FINDINGS: string[] = [
  "**Reports are now inside the measured loop, and they cost more than the checks.** payconform's loop hands every result to the reporters `payconform run` uses and writes junit.xml, conformance.json, report.html and summary.md at the end of each round (see the per-provider table: reports per round). A profile of the reporters alone, taken while building this bench (3,000 EnKash exchanges, about 8 results each), put about half of their time in masking the finished report texts (`writeOutputFile` → `mask` → `redact`, `mayHold` in src/http/redact.ts, over every registered secret form), then report.html and junit.xml rendering and escaping; the cost grew linearly with the results (about 0.3 ms per exchange). Masking each value once where a result is made, instead of whole rendered files, is the obvious lever; it lives in src/output.ts and src/reporters/.",
  "**Many providers in one run grow faster than linearly, because of masking.** A CPU profile of 24 provider runs in one process (bench/scaling-child.ts under `node --cpu-prof`, taken while building this bench: 21 s) put 85% of the samples in redaction (src/http/redact.ts: the per-secret regular expressions, `redact`, `mayHold`). Every provider run registers its sandbox's fresh credentials, with their wrong and near-miss variants, with src/output.ts, and `run` releases them only when the whole run ends (src/runner/run.ts, `releases`), so everything printed or written later is masked against every secret of every provider run so far: the work per run grows with K (see the scaling table, time per provider run and peak memory). Masking each provider's results against its own secrets when they are emitted, or releasing a provider's secrets once its results are masked, would keep it linear.",
  "**A whole run is far from the steady-state loop.** The real-run figure (whole `payconform run`, all four providers) divides the exchanges the sandboxes answered by the run's wall time, which also holds what the loop leaves out: set-up per provider (spec, Ajv, sandbox start), fixtures set up through the state endpoint, polled and burst deletes, the reports, and process start and module loading (compare `fullRunMs` with the run's own `metadata.durationMs`). The cold-start categories below say where a one-provider run's CPU goes.",
  "**Secret masking recomputed every encoding on every call** (about 9% of the checked loop's CPU in the first profile). `secretForms` (src/http/redact.ts) built the base64 and percent-encoded forms of each secret whenever asked: `redactResult` asks for every result, passed ones included, and `no_secret_echo` for every header of every response. Fixed: forms are computed once per secret (a bounded cache); `redact` returns at once for an empty text and splits only on forms the text contains.",
  "**Spec work repeated per request.** `buildRequest` (src/runner/build-request.ts) re-parsed the path template with a regex, re-trimmed the base URL, rebuilt every security scheme's header (base64 for Basic auth) and re-encoded the documented body for each request; these are now worked out once per request context (a WeakMap), and `URLSearchParams` is skipped for requests without a query. In the checks, `error_code_conformance` re-derived the allowed codes from the spec's examples and `documentedStatuses` re-joined the status list on every response; both are now cached per spec object. `getPointer` (src/spec/deref.ts) re-split and percent-decoded the same JSON pointers on every response (about 2%); tokens are now cached per pointer. Output is unchanged: the new buildRequest was compared with the old one on every derived scenario of every provider (390 requests, identical), and test/runner/build-request.test.ts keeps contexts apart.",
  "**Result objects copied for nothing.** `redactResult` (src/runner/run.ts) copied every result, though a passed result has nothing to mask: it now returns the result itself when no field changes. `evaluate` builds a passed result in one object literal. The lazy curl closure in `runScenario` was a named arrow, which tsx (esbuild `keepNames`) wraps in a `__name` call defining a property on every request; a helper makes it now. Curl commands are still rendered only for results that need one.",
  "**Verified, no change needed.** Ajv validators are compiled once per operation (`operationContext` → `compileResponseValidators`), never per request; the spec is loaded once per process (`loadSpec` cache); passed results carry no curl; the client keeps connections alive (one agent per client, `maxSockets` = concurrency), the same client the bare loop uses.",
  "**Tried and dropped.** A single-scan fast path in `no_secret_echo` (one search of body and headers joined) and a hand-written query serializer instead of `URLSearchParams`: neither made the loop faster (busy time per exchange unchanged within noise; the serializer was slower in isolation), so both were left out. Node's compile cache (`NODE_COMPILE_CACHE`) did not shorten the cold start measurably.",
  "**Measuring it right.** (1) With the sandbox on the loop's thread, payconform and the bare loop both paid the target's CPU for every exchange while Prism, a separate process, had the second core: the sandbox now answers in a worker thread for every tool, and the loop thread is the one saturated (see the loop-thread busy column per provider above). (2) `payconform run` queues all scenarios behind the client's limiter, so a response's checks run while the next request is already in flight; the first bench drove exactly four sequential workers, which serialised the checks with the round trips. The loops now keep a queue behind the limiter, the bare loop and the Prism load too. (3) A single warm-up of each loop left the first measured round about 40% slow; warm-up now alternates the loops like the measured rounds.",
  "**What is left** is in the decomposition below: building requests, JSON.parse and the checks, each a few microseconds on top of node:http. The costliest check is `no_secret_echo` (it scans the body and every header for every form of every credential, valid and wrong); the enforcement checks format their expected text (`expectRejection`) for every response, passed or not. Both live in src/checks/.",
  "**Cold start (earlier work; this run's figures are in the tables).** A one-provider run was well under a second (see the cold-start table for each phase). Node starts in tens of milliseconds and the CLI entry loads in about a hundred; importing the modules of `payconform run` is the largest part; inside the run, compiling the response validators with Ajv, starting the sandbox (its own Ajv checks) and deriving the regex cases dominate. Ajv compiles one validator per documented status, so EnKash's six error statuses, which share one schema, compile it six times: sharing validators per schema in src/spec/validators.ts would trim the cold start further. Under tsx the first run after an install was slower (about 1.1 s) because tsx transpiled every module then. bin/payconform.mjs now loads the sources with Node 24's own type stripping (tsx only on older Nodes); src/ keeps to erasable syntax, checked by tsconfig.runtime.json in `npm run typecheck`. That removed the first-run cost: the fresh and warm columns now agree.",
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
