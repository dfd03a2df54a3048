import { loadCorpus, runCorpus } from "./support/ingest-corpus.ts";
for (const o of runCorpus(loadCorpus())) {
  console.log(`== ${o.article.name}: ${o.result.relevant ? "" : "DROP "}${o.result.reason}`);
  for (const d of o.result.drafts) console.log(`   ${d.kind} ${d.status} ${d.date} ${d.time ?? ""} ${d.timezone ?? ""} | ${[d.place.venue, d.place.city, d.place.country].filter(Boolean).join(", ")} | ${d.parties.join("+")} | ${d.participants.map((p) => p.name.split(" ").pop()).join(",")} | ${d.track}#${d.sequence ?? ""} | guessed ${d.guessed.join(",")} | out: ${(d.outcome ?? "").slice(0, 50)}`);
}
