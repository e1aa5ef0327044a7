/**
 * Values whose schema's example is a Java date pattern (EnKash's timestamp): their form and
 * ranges, and (assumed) that they are the answer's time in UTC or India's time.
 */
import { describe, expect, it } from "vitest";
import { dateStampFindings, datePattern } from "../../src/checks/date-stamps.ts";

const schema = { type: "object", properties: { errorResponse: { type: "object", properties: { timestamp: { type: "string", examples: ["yyyy-MM-dd HH:mm:ss"] } } } } };
const body = (timestamp: string) => ({ errorResponse: { timestamp, errorType: "NOT_FOUND" } });
const at = Date.parse("Thu, 03 Dec 2026 17:31:06 GMT");
const problems = (timestamp: string, answeredAt: number | undefined) => dateStampFindings(body(timestamp), schema, answeredAt).map((f) => f.problem);

describe("time stamps of a documented date pattern", () => {
  it("reads only examples made of the pattern's letters and separators as patterns", () => {
    expect(datePattern("yyyy-MM-dd HH:mm:ss")?.fields).toEqual(["year", "month", "day", "hour", "minute", "second"]);
    expect(datePattern("2024-10-10 08:34:46")).toBeUndefined();
    expect(datePattern("HH:mm")).toBeUndefined();
    expect(datePattern("yyyy-MM-dd'T'HH:mm")).toBeUndefined();
  });

  it.each<[string, string, number | undefined, string[]]>([
    ["the answer's time in UTC", "2026-12-03 17:31:06", at, []],
    ["the answer's time in India's time", "2026-12-03 23:01:06", at, []],
    ["a few minutes off", "2026-12-03 17:36:00", at, []],
    ["a 12-hour clock at 17:31 UTC", "2026-12-03 05:31:06", at, ["clock"]],
    ["a clock in another zone", "2026-12-03 12:31:06", at, ["clock"]],
    ["no Date header: the form alone", "2026-12-03 05:31:06", undefined, []],
    ["a 13th month", "2026-13-03 17:31:06", at, ["form"]],
    ["the 31st of November", "2026-11-31 17:31:06", at, ["form"]],
    ["hour 24", "2026-12-03 24:01:06", at, ["form"]],
    ["RFC 3339 instead", "2026-12-03T17:31:06Z", at, ["form"]],
    ["the doc's example verbatim, the pattern itself (a mock serving the sample)", "yyyy-MM-dd HH:mm:ss", at, []],
  ])("%s", (_name, timestamp, answeredAt, want) => {
    expect(problems(timestamp, answeredAt)).toEqual(want);
  });

  it("names where the value is and leaves values without a dated schema alone", () => {
    expect(dateStampFindings(body("soon"), schema, at)).toEqual([{ at: "/errorResponse/timestamp", value: "soon", pattern: "yyyy-MM-dd HH:mm:ss", problem: "form" }]);
    expect(dateStampFindings({ errorResponse: { errorType: "soon" } }, schema, at)).toEqual([]);
  });
});
