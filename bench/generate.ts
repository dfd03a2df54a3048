// Generated records for benchmarks: many small, valid entries spread over the years, with a
// few scheduled in the future so /next has something to show.
import { writeFileSync } from "node:fs";

const TRACKS = ["embassy-operations", "leaders", "foreign-ministers", "envoys", "ukraine-settlement", "strategic-stability"];

export function generateLog(count: number, { start = Date.UTC(1990, 0, 1), stepHours = 3, futureFrom = 0.999 } = {}) {
  const entries = [];
  for (let i = 0; i < count; i++) {
    const date = new Date(start + i * stepHours * 3_600_000).toISOString().slice(0, 10);
    const future = i / count >= futureFrom;
    entries.push({
      id: `gen-${i}`,
      track: TRACKS[i % TRACKS.length],
      kind: i % 3 === 0 ? "call" : "meeting",
      status: future ? "scheduled" : "held",
      date,
      parties: ["RU", "US"],
      participants: [{ name: { en: `Envoy ${i % 97}` }, side: "US" }],
      title: { en: `Generated contact ${i}`, ru: `Контакт ${i}`, uk: `Контакт ${i}` },
      summary: { en: `Generated entry number ${i}.` },
      sources: [{ outlet: "Bench", url: `https://example.org/${i}`, language: "en" }],
    });
  }
  return {
    tracks: TRACKS.map((id) => ({ id, title: { en: id } })),
    entries,
  };
}

/**
 * "Now" for the bench bot: 30 days before the first scheduled entry, so /next has entries to
 * count down to and no reminder falls due during a benchmark (it would message every subscriber).
 */
export function middleOf(count: number, { start = Date.UTC(1990, 0, 1), stepHours = 3, futureFrom = 0.999 } = {}): string {
  return new Date(start + Math.floor(count * futureFrom) * stepHours * 3_600_000 - 30 * 86_400_000).toISOString();
}

export function writeLog(file: string, count: number) {
  writeFileSync(file, JSON.stringify(generateLog(count), null, 2));
}
