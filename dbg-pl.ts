import { loadCorpus, runCorpus, median } from "./test/support/ingest-corpus.ts";
const long = loadCorpus(process.argv[2] ?? "/tmp/b22");
const t0 = process.cpuUsage();
let l = runCorpus(long);
for (let i = 0; i < 4; i++) l = runCorpus(long);
const u = process.cpuUsage(t0);
console.log(process.cwd(), "5 passes", ((u.user + u.system) / 1000).toFixed(0), "ms; last median", median(l.map((x) => x.ms)).toFixed(2));
