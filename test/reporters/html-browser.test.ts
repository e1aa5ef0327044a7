/**
 * report.html in a real browser: Debian's Chromium, headless, driven by playwright-core. The page
 * of a real run shows that run's counts in its provider × check matrix, its filters narrow the
 * matrix and the results, each finding shows expected, actual, basis and curl, text from the
 * target stays text, and the page fetches nothing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECK_IDS } from "../../src/checks/ids.ts";
import { htmlReporter } from "../../src/reporters/html.ts";
import { jsonReporter } from "../../src/reporters/json.ts";
import type { Result } from "../../src/runner/events.ts";
import { resolveRunOptions, type RunOptions } from "../../src/runner/options.ts";
import { run } from "../../src/runner/run.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { aimAt, closeTargets, startRecordingSandbox } from "../runner/targets.ts";

/** As TOOLCHAIN.md gives it: Debian's Chromium, no sandbox (CI runs as root), nothing in the background. */
const LAUNCH = {
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch(LAUNCH);
});

afterAll(async () => {
  await browser?.close();
  await closeTargets();
  removeTempDirs();
});

interface Report {
  results: Result[];
  file: string;
}

/** Runs with the HTML and JSON reporters; the results are conformance.json's. */
async function reportOf(partial: Partial<RunOptions>): Promise<Report> {
  const dir = tempDir();
  await run(resolveRunOptions({ env: {}, ...partial, reportDir: dir }), [htmlReporter(dir), jsonReporter(dir)]);
  const json = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")) as { results: Result[] };
  return { results: json.results, file: join(dir, "report.html") };
}

/** Opens the file and records every request the page makes besides loading it. */
async function open(file: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  page.on("request", (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  await page.goto(url);
  return { page, requests };
}

const count = (results: readonly Result[], provider: string, check: string, outcome: Result["outcome"]): number =>
  results.filter((r) => r.provider === provider && r.check === check && r.outcome === outcome).length;

/** Every matrix cell: its data attributes (provider, check, a count per outcome, verdict) and its text. */
const cellsOf = (page: Page): Promise<Array<Record<string, string>>> =>
  page.$$eval("#matrix td[data-provider]", (tds) => tds.map((td) => ({ ...(td as HTMLElement).dataset, text: td.textContent ?? "" })) as Array<Record<string, string>>);

const visibleResults = (page: Page): Promise<Array<Record<string, string>>> =>
  page.$$eval("#results > li", (lis) => lis.filter((li) => !(li as HTMLElement).hidden).map((li) => ({ ...(li as HTMLElement).dataset })) as Array<Record<string, string>>);

describe("report.html of a clean run of two providers", () => {
  let report: Report;
  let page: Page;
  let requests: string[];

  beforeAll(async () => {
    report = await reportOf({ providers: ["enkash", "cashfree"] });
    ({ page, requests } = await open(report.file));
  });

  it("shows every cell's real counts in the matrix", async () => {
    const cells = await cellsOf(page);
    expect(cells).toHaveLength(2 * CHECK_IDS.length);
    for (const cell of cells) {
      const passed = count(report.results, cell.provider!, cell.check!, "passed");
      expect(Number(cell.passed), `${cell.provider} ${cell.check}`).toBe(passed);
      expect(Number(cell.failed) + Number(cell.errored) + Number(cell.warning)).toBe(0);
      expect(cell.text).toBe(passed > 0 ? `${passed} passed` : "–");
    }
    expect(cells.some((c) => Number(c.passed) > 0)).toBe(true);
    expect(await page.textContent("#totals")).toContain(`${report.results.length} passed`);
  });

  it("narrows the matrix and the results to one provider", async () => {
    expect(await visibleResults(page)).toHaveLength(report.results.length);
    await page.selectOption("#filter-provider", "cashfree");
    const shown = await visibleResults(page);
    expect(shown.length).toBe(report.results.filter((r) => r.provider === "cashfree").length);
    expect(new Set(shown.map((r) => r.provider))).toEqual(new Set(["cashfree"]));
    expect(await page.isVisible('#matrix th[data-provider="enkash"]')).toBe(false);
    expect(await page.isVisible('#matrix th[data-provider="cashfree"]')).toBe(true);
    expect(await page.textContent("#shown")).toBe(`${shown.length} of ${report.results.length} results shown`);
    await page.click("#filter-reset");
    await expect.poll(() => visibleResults(page).then((r) => r.length)).toBe(report.results.length);
  });

  it("fetches nothing", () => {
    expect(requests).toEqual([]);
  });
});

describe("report.html of a target that breaks the contract and answers with markup", () => {
  // Short enough to be quoted whole where a finding quotes the start of a body.
  const markup = "<img src=//127.0.0.1:9/x onerror=alert(1)><script>x</script>";
  let report: Report;
  let page: Page;
  let requests: string[];

  beforeAll(async () => {
    // Every request gets a 200 with markup for a JSON body: every negative case fails, and the body is quoted in the findings.
    const sandbox = await startRecordingSandbox("enkash", { transformReply: () => ({ status: 200, headers: { "content-type": "application/json" }, body: markup }) });
    report = await reportOf(aimAt(sandbox));
    ({ page, requests } = await open(report.file));
  });

  it("shows the failed counts in the matrix", async () => {
    const cells = await cellsOf(page);
    const failing = cells.filter((c) => Number(c.failed) > 0);
    expect(failing.length).toBeGreaterThan(3);
    for (const cell of cells) {
      expect(Number(cell.failed), cell.check).toBe(count(report.results, "enkash", cell.check!, "failed"));
      expect(Number(cell.passed), cell.check).toBe(count(report.results, "enkash", cell.check!, "passed"));
    }
    for (const cell of failing) expect(cell.text).toContain(`${cell.failed} failed`);
  });

  it("filters by outcome and check, and each finding shows expected, actual, basis and curl", async () => {
    await page.selectOption("#filter-outcome", "failed");
    const failed = report.results.filter((r) => r.outcome === "failed");
    expect((await visibleResults(page)).length).toBe(failed.length);

    const check = failed[0].check;
    await page.selectOption("#filter-check", check);
    const shown = await visibleResults(page);
    expect(shown.length).toBe(failed.filter((r) => r.check === check).length);
    expect(shown.every((r) => r.check === check && r.outcome === "failed")).toBe(true);

    const first = page.locator("#results > li:not([hidden])").first();
    const expected = failed.find((r) => r.check === check)!;
    expect(await first.locator("dd.expected").textContent()).toBe(expected.expected);
    expect(await first.locator("dd.actual").textContent()).toBe(expected.actual);
    expect(await first.locator("dd.basis").textContent()).toBe(expected.basis);
    expect(await first.locator("pre.curl").textContent()).toBe(expected.curl);
    expect(await first.locator("pre.curl").isVisible()).toBe(true);
  });

  it("shows the target's markup as text, runs none of it, and fetches nothing", async () => {
    const quoted = report.results.find((r) => r.actual?.includes(markup) || r.message.includes(markup));
    expect(quoted, JSON.stringify(report.results.find((r) => r.outcome === "failed"))).toBeDefined();
    expect(await page.textContent("#results")).toContain(markup);
    expect(await page.locator("#results img, #results script").count()).toBe(0);
    expect(requests).toEqual([]);
  });
});
