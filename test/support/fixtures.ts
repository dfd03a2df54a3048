// Small builders for record entries and logs, so tests state only what they are about.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./bot-process.ts";
export const TRACKS = [
  { id: "embassy-operations", title: { en: "Embassy operations", ru: "Работа посольств", uk: "Робота посольств" } },
  { id: "leaders", title: { en: "Leaders", ru: "Лидеры", uk: "Лідери" } },
];

export function entry(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "e1",
    track: "embassy-operations",
    kind: "round",
    status: "held",
    date: "2025-02-27",
    parties: ["RU", "US"],
    participants: [
      { name: { en: "Sonata Coulter", ru: "Соната Коултер" }, role: { en: "Deputy Assistant Secretary of State" }, side: "US" },
      { name: { en: "Alexander Darchiev", ru: "Александр Дарчиев" }, side: "RU" },
    ],
    title: { en: "Istanbul round", ru: "Раунд в Стамбуле", uk: "Раунд у Стамбулі" },
    summary: { en: "Talks on embassy operations.", ru: "Переговоры о работе посольств." },
    sources: [{ outlet: "Meduza", url: "https://meduza.io/en/news/2025/02/28/x", language: "en" }],
    ...over,
  };
}

export function log(entries: object[], tracks: object[] = TRACKS) {
  return { tracks, entries };
}

/**
 * The shipped record plus a fourth Istanbul round scheduled for 1 December 2026, 10:00 in
 * Istanbul (tests fix "now" just before it), so that /next and the pages count down to
 * something. Its text holds characters that must be escaped; `over` changes any field.
 */
export function recordWithUpcomingRound(over: Record<string, unknown> = {}) {
  const shipped = JSON.parse(readFileSync(join(REPO_ROOT, "data/events.json"), "utf8"));
  shipped.entries.push({
    id: "embassy-round-4-test",
    track: "embassy-operations",
    kind: "round",
    status: "scheduled",
    date: "2026-12-01",
    time: "10:00",
    timezone: "Europe/Istanbul",
    sequence: 4,
    place: { city: { en: "Istanbul", ru: "Стамбул", uk: "Стамбул" } },
    parties: ["RU", "US"],
    participants: [],
    title: { en: "Embassy talks, round 4 <test>", ru: "Консультации по посольствам, раунд 4", uk: "Консультації щодо посольств, раунд 4" },
    summary: { en: "A test entry & nothing more." },
    sources: [{ outlet: "Test & Co", url: "https://example.org/?a=1&b=2", language: "en" }],
    ...over,
  });
  return shipped;
}
