// `npm run events -- <command>`: the record from the command line. (Minimal for now: validate.)
import { readFileSync } from "node:fs";
import { describeProblem, parseEventLog } from "../record/validate.ts";

const [cmd, file = "data/events.json"] = process.argv.slice(2);
if (cmd !== "validate") {
  console.error("usage: npm run events -- validate [file]");
  process.exit(2);
}
const result = parseEventLog(readFileSync(file, "utf8"), file);
if (!result.ok) {
  for (const p of result.problems) console.error(describeProblem(p));
  process.exit(1);
}
console.log(`${file}: ${result.log.entries.length} entries in ${result.log.tracks.length} tracks, valid`);
