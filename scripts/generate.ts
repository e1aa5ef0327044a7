/**
 * `npm run generate` rebuilds generated/ from specs/; `npm run generate:check` (--check) lists
 * stale files and exits 1 when generated/ differs from what specs/ produce. See
 * scripts/generate/cli.ts for flags and exit codes (bad input: one line, exit 2).
 */
import { main } from "./generate/cli.ts";

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Not bad input but a fault in the generator itself: keep the stack for whoever fixes it.
    console.error(error);
    process.exit(2);
  },
);
