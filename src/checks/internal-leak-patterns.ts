/**
 * What a server's internals look like in a response body (OWASP API8, security misconfiguration:
 * verbose errors): stack frames of the common runtimes, SQL statements and database errors,
 * database connection strings, internal host names and server file paths. Each pattern is narrow
 * enough that ordinary messages ("Select a customer from the list") do not match it. A pattern
 * may come with a quick test, something every match holds that is cheap to look for: the pattern
 * runs only on a body that passes it.
 */
export const INTERNAL_LEAK_PATTERNS: ReadonlyArray<[what: string, pattern: RegExp, quick?: RegExp]> = [
  ["a JVM stack frame", /\b[\w$]+(?:\.[\w$<>]+){2,}\([\w$]+\.(?:java|scala|kt|groovy):\d+\)/],
  ["a JVM exception class", /\b(?:java|javax|jakarta|scala|org\.hibernate|org\.springframework|com\.mysql|org\.postgresql|com\.zaxxer)\.[\w.$]*(?:Exception|Error)\b/],
  ["a Node.js stack frame", /\bat (?:[\w$.<>[\] ]+ \()?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^\s()]*:\d+:\d+\)?/],
  ["a Python traceback", /Traceback \(most recent call last\)|\bFile "[^"]+", line \d+/],
  ["a .NET stack frame", /\bat [\w.`<>]+\([^)]*\) in \S+:line \d+/],
  ["a Go panic", /\bgoroutine \d+ \[running\]/],
  ["a PHP error", /\b(?:Fatal error|Warning|Notice): .+ in \/\S+\.php on line \d+|Stack trace:\s*#0/],
  ["an SQL statement", /\bselect\s+(?:distinct\s+)?(?:[\w.*`"]+\s*,\s*)*[\w.*`"]+\s+from\s+[\w.`"]+|\binsert\s+into\s+[\w.`"]+\s*\(|\bdelete\s+from\s+[\w.`"]+\s+where\b|\bupdate\s+[\w.`"]+\s+set\s+[\w`"]+\s*=/i],
  ["a database error", /\bSQLSTATE\b|\bORA-\d{5}\b|syntax error at or near|You have an error in your SQL syntax|\b(?:PSQL|SQL(?:Grammar|Syntax(?:Error)?)?)Exception\b/],
  ["a database connection string", /\b(?:jdbc:[a-z0-9]+:|(?:postgres(?:ql)?|mysql|mongodb(?:\+srv)?|redis|amqp):\/\/)[^\s"'<>]+/i],
  // Tried at every position, the host pattern scans every long run of letters and digits (a
  // 4 KB id in a body) again and again; every match ends in one of these suffixes.
  ["an internal host name", /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:internal|corp|intranet|localdomain)\b/i, /\.(?:internal|corp|intranet|localdomain)\b/i],
  ["a server file path", /(?:\/home\/[\w.-]+\/|\/var\/www\/|\/usr\/src\/app\/|\/opt\/[\w.-]+\/|\/srv\/[\w.-]+\/|\bnode_modules\/|[A-Za-z]:\\(?:inetpub|Users|Program Files)\\)/],
];
