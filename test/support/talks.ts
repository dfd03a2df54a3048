// A small record for the in-process feature tests: three talks held before the fixed "now",
// two scheduled after it and one announced without a date, over the two fixture tracks.
import { entry } from "./fixtures.ts";

/** The feature tests' clock: a Saturday between the Riyadh meeting and the second Istanbul round. */
export const NOW = "2025-03-15T12:00:00Z";

export const TALKS = [
  entry({
    id: "leaders-call-2025-02-12",
    track: "leaders",
    kind: "call",
    date: "2025-02-12",
    title: { en: "Trump–Putin phone call", ru: "Телефонный разговор Трампа и Путина", uk: "Телефонна розмова Трампа і Путіна" },
  }),
  entry({
    id: "riyadh-meeting-2025-02-18",
    track: "leaders",
    kind: "meeting",
    date: "2025-02-18",
    title: { en: "Riyadh meeting", ru: "Встреча в Эр-Рияде", uk: "Зустріч в Ер-Ріяді" },
  }),
  entry({
    id: "istanbul-round-1-2025-02-27",
    sequence: 1,
    title: { en: "Istanbul round", ru: "Раунд в Стамбуле", uk: "Раунд у Стамбулі" },
  }),
  entry({
    id: "leaders-call-2025-03-18",
    track: "leaders",
    kind: "call",
    status: "scheduled",
    date: "2025-03-18",
    title: { en: "Second phone call", ru: "Второй телефонный разговор", uk: "Друга телефонна розмова" },
    summary: { en: "Announced by the Kremlin.", ru: "Объявлено Кремлём.", uk: "Оголошено Кремлем." },
  }),
  entry({
    id: "istanbul-round-2-2025-04-10",
    status: "scheduled",
    date: "2025-04-10",
    sequence: 2,
    title: { en: "Second Istanbul round", ru: "Второй раунд в Стамбуле", uk: "Другий раунд у Стамбулі" },
    summary: { en: "Agreed at the first round." },
  }),
  entry({
    id: "leaders-summit",
    track: "leaders",
    kind: "summit",
    status: "announced",
    date: null,
    title: { en: "Leaders' summit", ru: "Встреча лидеров", uk: "Зустріч лідерів" },
    summary: { en: "Agreed in principle; no date or place yet." },
  }),
];
