import { readFileSync } from "node:fs";
import { understand } from "/work/wt-ingest/src/ingest/extract.ts";
import { loadNames } from "/work/wt-ingest/test/support/ingest-corpus.ts";
import { readStory } from "/work/wt-ingest/src/ingest/sentences.ts";
const [file, published] = process.argv.slice(2);
let text = readFileSync(file, "utf8"); const m = /^---\n[\s\S]*?\n---\n([\s\S]*)$/.exec(text); if (m) text = m[1];
console.log(readStory(text).sentences.map(s => (s.headline ? "H " : s.index + " ") + s.text).join("\n"), readStory(text).dateLine);
console.log(JSON.stringify(understand({ text, published }, loadNames(), { today: published }), null, 1));
