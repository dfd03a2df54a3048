// Entries rendered as HTML blocks for one reader (language, zone, now). Used by the bot's
// commands and by the digest, so a round looks the same in a reply and in a push.
import { neighbours, type RecordView, type TrackSummary } from "../record/record.ts";
import type { Entry, Lang, Participant } from "../record/schema.ts";
import { countdown, formatEntryDate } from "./dates.ts";
import { escapeHtml, link, truncate } from "./html.ts";
import { localizedHtml, localizedPlain, pick, type Translate } from "./translate.ts";

export interface Reader {
  lang: Lang;
  zone: string;
  now: Date;
  t: Translate;
}

const KNOWN_PARTIES = new Set(["US", "RU", "UA", "mediator"]);

export function partyName(code: string, t: Translate): string {
  return KNOWN_PARTIES.has(code) ? t(`party-${code.toLowerCase()}`) : code;
}

export function placeText(e: Entry, lang: Lang): string {
  if (!e.place) return "";
  const parts = [e.place.venue, e.place.city, e.place.country].map((p) => localizedHtml(p, lang)).filter(Boolean);
  return parts.join(", ");
}

function shortPlace(e: Entry, lang: Lang): string {
  if (!e.place) return "";
  return [e.place.city, e.place.country].map((p) => localizedHtml(p, lang)).filter(Boolean).join(", ");
}

/** The first participant named for each side: who led it. */
export function leaders(e: Entry, lang: Lang, t: Translate): string {
  const firstBySide = new Map<string, Participant>();
  for (const p of e.participants) if (!firstBySide.has(p.side)) firstBySide.set(p.side, p);
  return [...firstBySide.entries()]
    .map(([side, p]) => `${escapeHtml(partyName(side, t))}: ${localizedHtml(p.name, lang)}`)
    .join(" · ");
}

function sourcesInline(e: Entry, max = 3): string {
  const shown = e.sources.slice(0, max).map((s) => link(s.outlet, s.url));
  if (e.sources.length > max) shown.push(`+${e.sources.length - max}`);
  return shown.join(", ");
}

/** The heading line shared by list items: date · kind · place · status when not held. */
function headline(e: Entry, r: Reader): string {
  const bits = [`<b>${escapeHtml(formatEntryDate(e, r.lang, r.t))}</b>`, escapeHtml(r.t(`kind-${e.kind}`))];
  const place = shortPlace(e, r.lang);
  if (place) bits.push(place);
  if (e.status !== "held") bits.push(`<i>${escapeHtml(r.t(`status-${e.status}`))}</i>`);
  return bits.join(" · ");
}

// An item's text depends only on the entry and the language (the countdown line is added per
// reader), and the same few entries are asked for again and again: keep the text with the
// entry object. A reloaded record has new entry objects, so nothing stale is served.
const itemCache = new WeakMap<Entry, Map<string, string[]>>();

/** One item of /latest, /next or a track's history. */
export function entryItem(e: Entry, r: Reader, opts: { countdown?: boolean } = {}): string {
  let byLang = itemCache.get(e);
  if (!byLang) itemCache.set(e, (byLang = new Map()));
  let parts = byLang.get(r.lang);
  if (!parts) byLang.set(r.lang, (parts = itemParts(e, r)));
  const [head, rest] = parts;
  return opts.countdown && e.date ? `${head}\n⏳ ${escapeHtml(countdown(e, r.now, r.zone, r.lang, r.t))}\n${rest}` : `${head}\n${rest}`;
}

function itemParts(e: Entry, r: Reader): string[] {
  const head = [headline(e, r), `<b>${localizedHtml(e.title, r.lang)}</b>`];
  const lines: string[] = [];
  const who = leaders(e, r.lang, r.t);
  if (who) lines.push(who);
  const gist = pick(e.outcome, r.lang) ? e.outcome : e.summary;
  const g = pick(gist, r.lang);
  if (g) {
    const text = escapeHtml(truncate(g.text, 280));
    lines.push(g.lang === r.lang ? text : `${text} <i>[${g.lang.toUpperCase()}]</i>`);
  }
  lines.push(`${escapeHtml(r.t("sources"))}: ${sourcesInline(e)}`);
  return [head.join("\n"), lines.join("\n")];
}

/** A short label for a button: "27.02.2025 · Round 1 …". */
export function entryButtonLabel(e: Entry, lang: Lang, max = 48): string {
  const date = e.date ? e.date.split("-").reverse().join(".") : "—";
  return truncate(`${date} · ${localizedPlain(e.title, lang)}`, max);
}

/** The whole entry, as /event shows it. */
export function entryDetails(record: RecordView, e: Entry, r: Reader): string[] {
  const { t, lang } = r;
  const track = record.byTrack.get(e.track)?.track;
  const head = [`<b>${localizedHtml(e.title, lang)}</b>`];
  const trackLine = [track ? localizedHtml(track.title, lang) : escapeHtml(e.track)];
  if (e.sequence) trackLine.push(escapeHtml(t("sequence", { n: e.sequence })));
  head.push(`<i>${trackLine.join(" · ")}</i>`);
  head.push(`📅 ${escapeHtml(formatEntryDate(e, lang, t, r.zone))} · ${escapeHtml(t(`kind-${e.kind}`))} · ${escapeHtml(t(`status-${e.status}`))}`);
  if (e.status === "scheduled" || e.status === "announced") {
    if (e.date) head.push(`⏳ ${escapeHtml(countdown(e, r.now, r.zone, lang, t))}`);
  }
  const place = placeText(e, lang);
  if (place) head.push(`📍 ${place}`);
  if (e.durationMinutes) head.push(`⏱ ${escapeHtml(t("duration", { hours: Math.floor(e.durationMinutes / 60), minutes: e.durationMinutes % 60 }))}`);
  head.push(`🏳 ${e.parties.map((p) => escapeHtml(partyName(p, t))).join(" – ")}`);

  const blocks = [head.join("\n")];
  if (e.participants.length) {
    const lines = [`<b>${escapeHtml(t("participants"))}</b>`];
    for (const p of e.participants) {
      const role = p.role ? ` — ${localizedHtml(p.role, lang)}` : "";
      lines.push(`• ${localizedHtml(p.name, lang)}${role} (${escapeHtml(partyName(p.side, t))})`);
    }
    blocks.push(lines.join("\n"));
  }
  blocks.push(localizedHtml(e.summary, lang));
  if (e.outcome) blocks.push(`<b>${escapeHtml(t("outcome"))}</b>: ${localizedHtml(e.outcome, lang)}`);
  if (e.note) blocks.push(`⚠️ <b>${escapeHtml(t("note"))}</b>: ${localizedHtml(e.note, lang)}`);
  const src = [`<b>${escapeHtml(t("sources"))}</b>`];
  e.sources.forEach((s, i) => {
    const meta = [s.published, s.language].filter(Boolean).join(", ");
    src.push(`${i + 1}. ${link(s.outlet, s.url)}${meta ? ` (${escapeHtml(meta)})` : ""}`);
  });
  blocks.push(src.join("\n"));
  const around = neighbours(record, e.id);
  const previous = around.previous && record.entry(around.previous);
  const next = around.next && record.entry(around.next);
  const nav: string[] = [];
  if (previous) nav.push(`← ${escapeHtml(t("previous"))}: ${localizedHtml(previous.title, lang)} (<code>${escapeHtml(previous.id)}</code>)`);
  if (next) nav.push(`→ ${escapeHtml(t("next-in-track"))}: ${localizedHtml(next.title, lang)} (<code>${escapeHtml(next.id)}</code>)`);
  if (nav.length) blocks.push(nav.join("\n"));
  return blocks;
}

/** One track in /tracks: its name, size, last and next entries. */
export function trackItem(record: RecordView, s: TrackSummary, r: Reader): string {
  const last = s.last && record.entry(s.last);
  const next = s.next && record.entry(s.next);
  const lines = [`<b>${localizedHtml(s.track.title, r.lang)}</b> (<code>${escapeHtml(s.track.id)}</code>) · ${escapeHtml(r.t("entries-count", { count: s.count }))}`];
  if (last) lines.push(`${escapeHtml(r.t("track-last"))}: ${escapeHtml(formatEntryDate(last, r.lang, r.t))} — ${localizedHtml(last.title, r.lang)}`);
  if (next) {
    const when = next.date ? countdown(next, r.now, r.zone, r.lang, r.t) : r.t("date-not-set");
    lines.push(`${escapeHtml(r.t("track-next"))}: ${localizedHtml(next.title, r.lang)} (${escapeHtml(when)})`);
  } else lines.push(`${escapeHtml(r.t("track-next"))}: ${escapeHtml(r.t("track-nothing-next"))}`);
  return lines.join("\n");
}
