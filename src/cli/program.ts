// What the command-line tools share: where their output goes, and running `main` only when the
// module is the program itself (`npm run events`, `npm run ingest`), so tests can import it.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

export interface ProgramIo {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: NodeJS.ReadStream;
}

export async function runAsProgram(moduleUrl: string, main: (argv: string[], io: ProgramIo) => Promise<number>): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(resolve(process.argv[1])).href) return;
  // Output piped into a reader that has had enough (`| head`): stop quietly, as Unix tools do.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    process.exit(process.exitCode ?? 0);
  });
  const code = await main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    stdin: process.stdin,
  });
  // exitCode, not exit(): a piped stdout gets flushed before the process ends.
  process.exitCode = code;
}
