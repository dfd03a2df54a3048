// The two ways a command-line tool refuses, shared by `npm run events`, `npm run ingest` and
// `npm run db`: a usage error (exit 2, with the command's usage) and input that needs fixing
// (exit 1, one line per thing to fix).

/** The command line itself is wrong: exit 2 with the usage of `command` (or of the tool). */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** An input, a data file or the record needs fixing: exit 1 with one line per thing to fix. */
export class InputError extends Error {
  override name = "InputError";
  readonly lines: string[];
  constructor(lines: string | string[]) {
    const all = typeof lines === "string" ? lines.split("\n") : lines;
    super(all.join("\n"));
    this.lines = all;
  }
}
