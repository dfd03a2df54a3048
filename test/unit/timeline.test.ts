// The /timeline picture: what a reader sees in it (legend words in their language, a
// cancelled entry struck through, the lanes), and the PNG Telegram gets.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createI18n } from "../../src/bot/reader.ts";
import type { Lang } from "../../src/record/schema.ts";
import { svgToPng } from "../../src/timeline/png.ts";
import { timelineSvg, type TimelineEntry, type TimelineOptions } from "../../src/timeline/svg.ts";

const i18n = createI18n();
const options = (lang: Lang, over: Partial<TimelineOptions> = {}): TimelineOptions => ({
  title: "Embassy operations",
  lanes: "kind",
  lang,
  t: (key, vars) => i18n.t(lang, key, vars),
  today: "2025-07-01",
  ...over,
});

const ENTRIES: TimelineEntry[] = [
  { id: "r1", track: "embassy", kind: "round", status: "held", date: "2025-02-27", sequence: 1 },
  { id: "r2", track: "embassy", kind: "round", status: "held", date: "2025-04-10", sequence: 2 },
  { id: "m1", track: "embassy", kind: "meeting", status: "cancelled", date: "2025-05-20" },
  { id: "c1", track: "leaders", kind: "call", status: "postponed", date: "2025-06" },
  { id: "s1", track: "leaders", kind: "summit", status: "scheduled", date: "2025-08-15", endDate: "2025-08-17" },
  { id: "u1", track: "leaders", kind: "round", status: "announced", date: null },
];

/** The text of every <text> element, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
}

/** The markup of one entry's group. */
function group(svg: string, id: string): string {
  const m = new RegExp(`<g class="entry" data-id="${id}"[^>]*>[\\s\\S]*?</g>`).exec(svg);
  assert.ok(m, `entry ${id} is drawn`);
  return m[0];
}

const LEGENDS: Record<Lang, string[]> = {
  en: ["Status", "announced", "scheduled", "held", "postponed", "cancelled", "Kind", "Call", "Meeting", "Round", "Summit", "Other", "today"],
  ru: ["Статус", "объявлено", "назначено", "состоялось", "отложено", "отменено", "Вид", "Разговор", "Встреча", "Раунд", "Саммит", "Другое", "сегодня"],
  uk: ["Статус", "оголошено", "призначено", "відбулася", "відкладено", "скасовано", "Вид", "Розмова", "Зустріч", "Раунд", "Саміт", "Інше", "сьогодні"],
};

for (const lang of ["en", "ru", "uk"] as const) {
  test(`the legend, lanes and today line are in the reader's language (${lang})`, () => {
    const { svg } = timelineSvg(ENTRIES, options(lang));
    const words = texts(svg);
    for (const w of LEGENDS[lang]) assert.ok(words.includes(w), `"${w}" is in the picture: ${words.join(" | ")}`);
  });
}

test("a cancelled entry is drawn grey and struck through; a held one is not", () => {
  const { svg, drawn } = timelineSvg(ENTRIES, options("en"));
  assert.equal(drawn, 5, "the undated entry cannot be placed on the axis");
  const cancelled = group(svg, "m1");
  assert.match(cancelled, /data-status="cancelled"/);
  assert.match(cancelled, /<path class="strike"/);
  assert.match(cancelled, /<rect [^>]*fill="#9e9e9e"/, "a meeting is a square, cancelled is grey");
  assert.match(cancelled, /<title>2025-05-20 · Meeting · cancelled<\/title>/);
  const held = group(svg, "r1");
  assert.doesNotMatch(held, /strike/);
  assert.match(held, /<circle [^>]*fill="#2e7d32"/, "a round is a circle, held is green");
  // The announced (outlined) and multi-day entries.
  assert.match(group(svg, "s1"), /<line [^>]*stroke-width="6"/);
  // Sequence numbers label rounds.
  assert.ok(texts(svg).includes("2"));
});

test("lanes are kinds for one series, series for all of them", () => {
  const perKind = texts(timelineSvg(ENTRIES, options("en")).svg);
  const allTitles = { embassy: "Embassy operations", leaders: "Leaders" } as Record<string, string>;
  const perTrack = timelineSvg(ENTRIES, options("en", { lanes: "track", trackTitle: (id) => allTitles[id] }));
  const lanes = (svg: string) => [...svg.matchAll(/<text[^>]*class="lane"[^>]*>([^<]*)</g)].map((m) => m[1]);
  assert.deepEqual(lanes(timelineSvg(ENTRIES, options("en")).svg), ["Call", "Meeting", "Round", "Summit"]);
  assert.deepEqual(lanes(perTrack.svg), ["Embassy operations", "Leaders"]);
  assert.ok(perKind.includes("Embassy operations"), "the title is shown");
});

test("text from the record is escaped in the SVG", () => {
  const { svg } = timelineSvg(ENTRIES, options("en", { title: `A <b>&"x"` }));
  assert.ok(svg.includes("A &lt;b&gt;&amp;&quot;x&quot;"));
  assert.ok(!svg.includes("<b>"));
});

test("an empty series says so instead of drawing an empty axis", () => {
  const { svg, drawn } = timelineSvg([], options("ru"));
  assert.equal(drawn, 0);
  assert.ok(texts(svg).includes("Пока нет записей с датой"));
});

test("the PNG is a real PNG within Telegram's photo limits, even for thousands of entries", () => {
  const many: TimelineEntry[] = Array.from({ length: 5000 }, (_, i) => ({
    id: `e${i}`,
    track: `t${i % 60}`,
    kind: (["call", "meeting", "round", "summit", "other"] as const)[i % 5],
    status: (["held", "scheduled", "postponed", "cancelled", "announced"] as const)[i % 5],
    date: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000 * 2).toISOString().slice(0, 10),
  }));
  for (const [entries, lanes] of [[ENTRIES, "kind"], [many, "track"]] as const) {
    const { svg, width, height } = timelineSvg(entries, options("uk", { lanes }));
    const png = svgToPng(svg);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
    assert.equal(png.readUInt32BE(16), width, "IHDR width");
    assert.equal(png.readUInt32BE(20), height, "IHDR height");
    assert.ok(png.length < 10 * 1024 * 1024, "under 10 MB");
    assert.ok(width + height <= 10_000, "width + height at most 10,000");
    assert.ok(Math.max(width / height, height / width) <= 20, "sides at most 20:1");
  }
});
