import { describe, expect, it } from "vitest";
import { noInternalLeak } from "../../src/checks/no-internal-leak.ts";
import { exchange, scenarioOf } from "./exchange.ts";

const judge = (body: string): string[] => {
  const input = exchange("enkash", scenarioOf("enkash", { id: "delete an id that never existed" }), 0, { status: 404, body });
  return noInternalLeak.run(input)!.map((f) => f.actual.split(":")[0]);
};

describe("no_internal_leak", () => {
  it.each([
    ["a JVM frame", "at com.example.ar.CustomerService.delete(CustomerService.java:412)", "a JVM stack frame"],
    ["a Scala frame without at", "in.juspay.ec.AccountRepository.findByCustomer(AccountRepository.scala:214)", "a JVM stack frame"],
    ["a JVM exception", "org.hibernate.exception.SQLGrammarException: could not extract", "a JVM exception class"],
    ["a Node frame", "TypeError: x is undefined\n    at deleteCustomer (/usr/src/app/dist/handlers.js:41:17)", "a Node.js stack frame"],
    ["a Python traceback", "Traceback (most recent call last):\n  File \"/app/views.py\", line 12", "a Python traceback"],
    ["a .NET frame", "at Api.Customers.Delete(String id) in /src/Api/Customers.cs:line 88", "a .NET stack frame"],
    ["a Go panic", "panic: runtime error\n\ngoroutine 17 [running]:", "a Go panic"],
    ["a PHP error", "Fatal error: Uncaught Exception in /var/www/html/api.php on line 7", "a PHP error"],
    ["an SQL statement", "select c.* from ar_customer c where c.id=?", "an SQL statement"],
    ["an SQL delete", "DELETE FROM customers WHERE id = 'x'", "an SQL statement"],
    ["a database error", "ERROR: syntax error at or near \"WHERE\"", "a database error"],
    ["a connection string", "jdbc:postgresql://db:5432/receivables", "a database connection string"],
    ["an internal host", "upstream ar-db-master.prod.internal:5432 refused", "an internal host name"],
    ["a file path", "cannot open /home/deploy/app/config.yml", "a server file path"],
    ["a Windows path on any drive", "could not load D:\\app\\config\\receivables.json", "a server file path"],
    ["an SQL select of one column with a WHERE", "SELECT name FROM customers WHERE id = ?", "an SQL statement"],
    ["an internal host ending a sentence", "could not reach db.corp.", "an internal host name"],
  ])("finds %s", (_name, text, what) => {
    expect(judge(JSON.stringify({ errorResponse: { errorType: "SYSTEM_ERROR", errorMessage: text } }))).toContain(what);
  });

  it.each([
    "Customer not found",
    "Select a customer from the list, then delete it from the dashboard",
    "Full authentication is required to access this resource",
    "Invalid API Key. Please pass a valid and active api key.",
    "Mandatory parameter command must be delete.",
    "at least one field is required (see https://docs.example.com/errors#400)",
    "request 5b0b6f0e-2f9c-4f64-9a55-1c8c2f0c1d11 at 2024-10-10 08:34:46",
    "Select customer from the list",
    "Please select one from the dropdown",
    "see https://merchant.example.com/home/orders/1 or https://cdn.example.com/srv/v1/img and /opt in the menu",
    "contact developer.acme.corp.example.com",
    // Long runs that the frame and host patterns once rescanned at every position.
    "a.".repeat(20000),
    "at ".repeat(16000),
    "x".repeat(60000),
  ])("finds nothing in %j", (text) => {
    expect(judge(JSON.stringify({ errorResponse: { errorType: "RECORD_NOT_FOUND", errorMessage: text } }))).toEqual([]);
  });

  it.each([
    ["a Python traceback in an HTML error page", "<h1>Error</h1><div>Traceback <em>(most recent call last)</em>:<br>File <cite>&quot;/app/x.py&quot;</cite>, line <em>42</em></div>", "a Python traceback"],
    ["a JVM frame split by markup", "<pre>at com.example.ar.<b>CustomerService</b>.delete(CustomerService.java:412)</pre>", "a JVM stack frame"],
  ])("finds %s", (_name, body, what) => {
    const input = exchange("enkash", scenarioOf("enkash", { id: "delete an id that never existed" }), 0, { status: 500, body });
    expect(noInternalLeak.run(input)!.map((f) => f.actual.split(":")[0])).toContain(what);
  });
});
