/**
 * What a server's internals look like in a response body (OWASP API8, security misconfiguration:
 * verbose errors): stack frames and panics of the common runtimes (Rust's among them), SQL
 * statements and database errors, database connection strings, internal host names, private
 * network addresses with a port, and server file paths. Each pattern is narrow
 * enough that ordinary messages ("Select a customer from the list") do not match it. A pattern
 * may come with a quick test, something every match holds that is cheap to look for: the pattern
 * runs only on a body that passes it.
 */
import { TEMPLATE_PRODUCT } from "../cases/template-cases.ts";

export const INTERNAL_LEAK_PATTERNS: ReadonlyArray<[what: string, pattern: RegExp, quick?: RegExp]> = [
  // The product the template-expression ids hold (src/cases/template-cases.ts), evaluated.
  ["an evaluated template expression (7919*7907, server-side template injection)", new RegExp(`(?<!\\d)${TEMPLATE_PRODUCT}(?!\\d)`)],
  // The frame patterns, tried at every position, rescan long runs of word characters or "at "
  // (a 4 KB id, a repeated word) again and again; every match holds what their quick tests find.
  ["a JVM stack frame", /\b[\w$]+(?:\.[\w$<>]+){2,}\([\w$]+\.(?:java|scala|kt|groovy):\d+\)/, /\.(?:java|scala|kt|groovy):\d+\)/],
  ["a JVM exception class", /\b(?:java|javax|jakarta|scala|org\.hibernate|org\.springframework|com\.mysql|org\.postgresql|com\.zaxxer)\.[\w.$]*(?:Exception|Error)\b/],
  ["a Node.js stack frame", /\bat (?:[\w$.<>[\] ]+ \()?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^\s()]*:\d+:\d+\)?/, /:\d+:\d+/],
  ["a Python traceback", /Traceback \(most recent call last\)|\bFile "[^"]+", line \d+/],
  ["a .NET stack frame", /\bat [\w.`<>]+\([^)]*\) in \S+:line \d+/, /:line \d/],
  ["a Go panic", /\bgoroutine \d+ \[running\]/],
  // Rust's panic and unwrap messages, and a source location in a crate (`src/id.rs:41:22`).
  ["a Rust panic", /\bcalled `(?:Result|Option)::(?:unwrap|expect)\(\)` on an? `(?:Err|None)` value|\bthread '[^']*' panicked at\b|\b[\w/-]+\.rs:\d+:\d+/, /panicked at|::unwrap\(\)|\.rs:\d/],
  ["a PHP error", /\b(?:Fatal error|Warning|Notice): .+ in \/\S+\.php on line \d+|Stack trace:\s*#0/, /\.php on line \d|Stack trace:/],
  // A SELECT names all columns (*, c.*) or a list of them, or goes on past its table (WHERE, JOIN, ...):
  // "Select customer from the list" is not one.
  ["an SQL statement", /\bselect\s+(?:distinct\s+)?(?:(?:[\w`"]+\.)?\*|[\w.`"]+(?:\s*,\s*[\w.*`"]+)+)\s+from\s+[\w.`"]+|\bselect\s+(?:distinct\s+)?[\w.`"]+\s+from\s+[\w.`"]+\s+(?:where|join|inner|left|right|order\s+by|group\s+by|limit)\b|\binsert\s+into\s+[\w.`"]+\s*\(|\bdelete\s+from\s+[\w.`"]+\s+where\b|\bupdate\s+[\w.`"]+\s+set\s+[\w`"]+\s*=/i],
  ["a database error", /\bSQLSTATE\b|\bORA-\d{5}\b|syntax error at or near|You have an error in your SQL syntax|\b(?:PSQL|SQL(?:Grammar|Syntax(?:Error)?)?)Exception\b/],
  ["a database connection string", /\b(?:jdbc:[a-z0-9]+:|(?:postgres(?:ql)?|mysql|mongodb(?:\+srv)?|redis|amqp):\/\/)[^\s"'<>]+/i],
  // The suffix is the host's last label: "acme.corp.example.com" is a public name.
  ["an internal host name", /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:internal|corp|intranet|localdomain)(?!\.?[\w-])/i, /\.(?:internal|corp|intranet|localdomain)(?!\.?[\w-])/i],
  // A private address with its port (RFC 1918, 10/8, 172.16/12, 192.168/16): an upstream's address, not a client-facing one.
  ["a private network address", /(?<![\d.])(?:10\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])|192\.168)\.\d{1,3}\.\d{1,3}:\d{2,5}(?![\d.])/],
  // A path starts a word (not the path of a URL such as https://shop.example.com/home/orders); a
  // Windows path is any drive's.
  ["a server file path", /(?<![\w.-])(?:\/home\/[\w.-]+\/|\/var\/www\/|\/usr\/src\/app\/|\/opt\/[\w.-]+\/|\/srv\/[\w.-]+\/)|\bnode_modules\/|(?<!\w)[A-Za-z]:\\[\w .-]+\\/],
];
