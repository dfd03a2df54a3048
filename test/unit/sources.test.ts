// The shipped record against the source articles it cites: each fact checked here is read in
// the article (../shared/seeds, beside the project) and in the entry that carries it. Where
// the articles are not beside the project, these tests skip and say why.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { REPO_ROOT } from "../support/bot-process.ts";
import { parseEventLog } from "../../src/record/validate.ts";

const SEEDS = join(REPO_ROOT, "..", "shared", "seeds");
const skip = existsSync(SEEDS) ? false : `the source articles are not at ${SEEDS}`;

function article(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return readFileSync(join(SEEDS, name), "utf8");
}

const parsed = parseEventLog(readFileSync(join(REPO_ROOT, "data", "events.json"), "utf8"), "data/events.json");
if (!parsed.ok) throw new Error("the shipped record is invalid");
const entry = (id: string) => parsed.log.entries.find((e) => e.id === id)!;
const names = (id: string) => entry(id).participants.map((p) => p.name.en);

test("Istanbul round 1 (article 000): 27 February, Coulter and Darchiev, six and a half hours, Arnavutköy", { skip }, () => {
  const text = article("000_");
  for (const phrase of ["27 февраля", "Коултер", "Дарчиев", "шесть с половиной часов", "Арнавут"]) assert.ok(text.includes(phrase), phrase);
  const e = entry("embassy-round-1");
  assert.equal(e.date, "2025-02-27");
  assert.deepEqual(names("embassy-round-1"), ["Sonata Coulter", "Alexander Darchiev"]);
  assert.equal(e.durationMinutes, 390);
  assert.match(e.place?.venue?.en ?? "", /Consul General/);
  assert.match(JSON.stringify(e.place), /Arnavutköy/);
  assert.match(e.outcome?.en ?? "", /date and place not yet set/);
  assert.ok(e.sources.some((s) => s.language === "ru" && !s.url), "cites the article");
});

test("Istanbul round 2 (article 001): set for Thursday 10 April by Tammy Bruce", { skip }, () => {
  const text = article("001_");
  for (const phrase of ["10 квітня", "Теммі Брюс", "27 лютого"]) assert.ok(text.includes(phrase), phrase);
  const e = entry("embassy-round-2");
  assert.equal(e.date, "2025-04-10");
  assert.equal(e.sequence, 2);
  assert.ok(e.sources.some((s) => s.language === "uk"));
  assert.match(e.summary.en ?? "", /Tammy Bruce/);
});

test("the Lavrov–Rubio call of 15 February and the Putin–Trump call of 12 February (articles 002, 004)", { skip }, () => {
  const zakon = article("002_");
  for (const phrase of ["15 февраля", "12 февраля", "Рубио"]) assert.ok(zakon.includes(phrase), phrase);
  assert.ok(article("004_").includes("12 февраля"));
  assert.equal(entry("lavrov-rubio-call-2025-02-15").date, "2025-02-15");
  assert.equal(entry("lavrov-rubio-call-2025-02-15").kind, "call");
  assert.equal(entry("putin-trump-call-2025-02-12").date, "2025-02-12");
  assert.ok(entry("lavrov-rubio-call-2025-02-15").sources.some((s) => s.outlet === "zakon.kz"));
});

test("the Geneva summit of 16 June 2021 and the strategic-stability delegations (article 003)", { skip }, () => {
  const text = article("003_");
  for (const phrase of ["16 июня", "Женев", "Антонов"]) assert.ok(text.includes(phrase), phrase);
  assert.equal(entry("geneva-summit-2021").date, "2021-06-16");
  assert.equal(entry("geneva-summit-2021").kind, "summit");
  assert.equal(entry("ssd-geneva-2021-07").track, "strategic-stability");
});
