// The pure rules by which reports join drafts (src/drafts/merge.ts): when two readings are one
// event, what a later report adds, what a report changes in a known entry, and how links compare.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Draft } from "../../src/ingest/draft.ts";
import { changeStanding, changesOf, mergeEdits, mergeReadings, normaliseUrl, sameEvent } from "../../src/drafts/merge.ts";
import type { Entry } from "../../src/record/schema.ts";
import { loadNames } from "../support/ingest-corpus.ts";

const names = loadNames();

function reading(over: Partial<Draft> = {}): Draft {
  return {
    kind: "round",
    status: "scheduled",
    date: "2025-04-10",
    time: null,
    timezone: null,
    place: { city: "Istanbul", country: "Turkey", venue: null },
    parties: ["RU", "US"],
    participants: [],
    track: "embassy-operations",
    sequence: 2,
    title: "Round 2",
    summary: "Round 2 in Istanbul.",
    outcome: null,
    source: { outlet: "Reuters", url: "https://reuters.com/a", published: "2025-04-08", language: "en" },
    matches: null,
    evidence: { date: "on Thursday" },
    guessed: [],
    ...over,
  };
}

const ROUND: Entry = {
  id: "round-2",
  track: "embassy-operations",
  kind: "round",
  status: "scheduled",
  date: "2025-04-10",
  sequence: 2,
  place: { city: { en: "Istanbul" } },
  parties: ["RU", "US"],
  participants: [],
  title: { en: "Round 2" },
  summary: { en: "Round 2." },
  sources: [{ outlet: "TASS", language: "ru" }],
};

test("two outlets' readings of one round are one event; another number, city or day is not", () => {
  assert.equal(sameEvent(reading(), reading({ date: "2025-04-11", title: "Второй раунд" })), true, "a day apart: Moscow and Washington time");
  assert.equal(sameEvent(reading(), reading({ sequence: 3 })), false);
  assert.equal(sameEvent(reading(), reading({ place: { city: "Riyadh", country: null, venue: null } })), false);
  assert.equal(sameEvent(reading(), reading({ date: "2025-04-20" })), false);
  assert.equal(sameEvent(reading(), reading({ parties: ["RU", "UA"] })), false);
  // Nothing ties two undated, unplaced, unnumbered talks: they stay apart.
  const bare = { date: null, sequence: null, place: { city: null, country: null, venue: null } };
  assert.equal(sameEvent(reading(bare), reading(bare)), false);
});

test("a later report fills what the first left open, and a day beats a month", () => {
  const first = reading({ date: "2025-04", time: null, participants: [{ name: "Alexander Darchiev", role: null, side: "RU" }] });
  const later = reading({ time: "10:00", timezone: "Europe/Istanbul", participants: [{ name: "Sonata Coulter", role: null, side: "US" }], evidence: { time: "at 10:00" } });
  const merged = mergeReadings(first, later);
  assert.equal(merged.date, "2025-04-10");
  assert.equal(merged.time, "10:00");
  assert.deepEqual(merged.participants.map((p) => p.name), ["Alexander Darchiev", "Sonata Coulter"]);
  assert.equal(merged.evidence.time, "at 10:00");
  assert.equal(merged.title, "Round 2", "the first report's words stay");
});

test("a report on a known round: only what is new becomes an edit; news never runs backwards", () => {
  assert.deepEqual(changesOf(ROUND, reading(), names), [], "repeats the known facts");
  const [place] = changesOf({ ...ROUND, place: undefined }, reading(), names);
  assert.deepEqual(place, { kind: "place", place: { city: { en: "Istanbul", ru: "Стамбул", uk: "Стамбул" }, country: { en: "Turkey", ru: "Турция", uk: "Туреччина" } } });
  assert.deepEqual(changesOf(ROUND, reading({ status: "postponed" }), names), [{ kind: "postponed" }]);
  assert.deepEqual(changesOf(ROUND, reading({ status: "held", outcome: "Agreed on visas." }), names), [{ kind: "held", outcome: { en: "Agreed on visas." } }]);
  assert.deepEqual(changesOf(ROUND, reading({ date: "2025-04-17", time: "11:00" }), names), [{ kind: "when", date: "2025-04-17", time: "11:00" }]);
  assert.deepEqual(changesOf(ROUND, reading({ status: "postponed", guessed: ["status"] }), names), [], "a guess changes nothing");
  assert.deepEqual(changesOf({ ...ROUND, status: "held" }, reading({ status: "scheduled" }), names), [], "a held round is not reopened");
  const [people] = changesOf(ROUND, reading({ participants: [{ name: "Alexander Darchiev", role: null, side: "RU" }] }), names);
  assert.equal(people.kind, "participants");
  assert.deepEqual(people.kind === "participants" && people.participants[0].name, { en: "Alexander Darchiev", ru: "Александр Дарчиев", uk: "Олександр Дарчієв" });
});

test("two reports' changes of one entry: the later wins a slot, participants add up", () => {
  const a = { name: { en: "A" }, side: "RU" };
  const b = { name: { en: "B" }, side: "US" };
  assert.deepEqual(
    mergeEdits([{ kind: "postponed" }, { kind: "participants", participants: [a] }], [{ kind: "cancelled" }, { kind: "participants", participants: [a, b] }]),
    [{ kind: "cancelled" }, { kind: "participants", participants: [a, b] }],
  );
});

test("links compare without tracking, fragment, www, scheme and trailing slash", () => {
  assert.equal(normaliseUrl("http://www.Reuters.com/world/a/?utm_source=x&b=2#top"), normaliseUrl("https://reuters.com/world/a?b=2"));
  assert.notEqual(normaliseUrl("https://reuters.com/world/a?id=1"), normaliseUrl("https://reuters.com/world/a?id=2"));
});

test("a change draft against an entry that changed since: gone, outdated where it would overwrite, clean otherwise", () => {
  const base = ROUND;
  const proposal = { kind: "change" as const, entryId: "round-2", edits: [{ kind: "postponed" as const }], reading: reading(), base };
  assert.deepEqual(changeStanding(proposal, undefined), { kind: "gone" });
  assert.deepEqual(changeStanding(proposal, base), { kind: "clean", since: [] });
  // Another editor moved the date: the postponement touches only the status, and still applies.
  const moved: Entry = { ...base, date: "2025-04-12" };
  assert.deepEqual(changeStanding(proposal, moved), { kind: "clean", since: ["when"] });
  // Another editor called it off: postponing it now would undo that.
  const cancelled: Entry = { ...base, status: "cancelled" };
  assert.deepEqual(changeStanding(proposal, cancelled), { kind: "outdated", fields: ["status"], since: ["status"] });
  // Another editor already postponed it, as the report says: nothing to overwrite.
  assert.deepEqual(changeStanding(proposal, { ...base, status: "postponed" }), { kind: "clean", since: ["status"] });
  // Participants and sources only add up: someone else's additions never clash.
  const withDarchiev = { ...proposal, edits: [{ kind: "participants" as const, participants: [{ name: { en: "Alexander Darchiev" }, side: "RU" }] }] };
  assert.deepEqual(changeStanding(withDarchiev, { ...base, participants: [{ name: { en: "Sonata Coulter" }, side: "US" }] }), { kind: "clean", since: ["participants"] });
  // A draft made before the base was kept is judged as before: clean.
  assert.deepEqual(changeStanding({ ...proposal, base: undefined }, cancelled), { kind: "clean", since: [] });
});

test("a known round moved to a new day stays scheduled on it; one postponed without a day is postponed", () => {
  // "The fourth round … has been moved to December 8": the record's "postponed" means no new day is known.
  assert.deepEqual(changesOf(ROUND, reading({ status: "postponed", date: "2025-04-17" }), names), [{ kind: "when", date: "2025-04-17" }]);
  assert.deepEqual(
    changesOf({ ...ROUND, status: "postponed" }, reading({ status: "postponed", date: "2025-04-17" }), names),
    [{ kind: "scheduled" }, { kind: "when", date: "2025-04-17" }],
    "a postponed round given its new day is scheduled again",
  );
  assert.deepEqual(changesOf(ROUND, reading({ status: "postponed", date: null }), names), [{ kind: "postponed" }]);
  assert.deepEqual(changesOf(ROUND, reading({ status: "postponed", date: "2025-04-17", guessed: ["date"] }), names), [{ kind: "postponed" }], "a guessed day is no new day");
  assert.deepEqual(changesOf({ ...ROUND, status: "held" }, reading({ status: "postponed", date: "2025-04-17" }), names), [], "a held round is not moved");
});
