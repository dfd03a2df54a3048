// Small builders for record entries and logs, so tests state only what they are about.
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
