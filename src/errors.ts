/**
 * Errors that mean "payconform could not do its job", as opposed to "the target broke the
 * contract" (which is a result, never an exception). The CLI maps each class to an exit code;
 * nothing under src/ exits the process.
 */
export class PayconformError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A bad flag, an unknown provider, a malformed input file: exit code 2. */
export class UsageError extends PayconformError {}

/** A spec that cannot be read, parsed or understood: exit code 2. */
export class SpecError extends PayconformError {}

/** The target could not be reached before any check ran: exit code 2. */
export class TargetUnreachableError extends PayconformError {}

/** A fixture could not be set up through the state URL or the configured id list. */
export class FixtureError extends PayconformError {}

/**
 * SIGINT or SIGTERM stopped the command. Reports hold the results so far, with "interrupted" as
 * their error; the CLI exits 128 + the signal's number (130, 143).
 */
export class InterruptedError extends PayconformError {
  readonly signal: NodeJS.Signals;

  constructor(signal: NodeJS.Signals) {
    super("interrupted");
    this.signal = signal;
  }
}
