// A writer in a process of its own, for the concurrency tests: adds N entries through
// RecordWriter, one write each. Prints "ready" once loaded, then waits for a line on stdin so
// that several of these can be started at the same moment; exits 1 if any add is refused.
//   node --import tsx test/support/add-entries.ts <record> <audit-file> <id-prefix> <count>
import { createInterface } from "node:readline";
import { describeProblem } from "../../src/record/validate.ts";
import { RecordWriter } from "../../src/record-file/writer.ts";
import { entry } from "./fixtures.ts";

const [file, auditFile, prefix, count] = process.argv.slice(2);
const writer = new RecordWriter({ file, auditFile, lockTimeoutMs: 60_000 });
const actor = { kind: "cli" as const, name: `writer ${prefix}` };

console.log("ready");
await new Promise((resolve) => createInterface({ input: process.stdin }).once("line", resolve));
for (let i = 0; i < Number(count); i++) {
  const result = await writer.add(entry({ id: `${prefix}-${i}` }), actor);
  if (!result.ok) {
    console.error(result.problems.map(describeProblem).join("\n"));
    process.exit(1);
  }
}
process.exit(0);
