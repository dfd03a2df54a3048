// The timeline page (`/`): the filters, what is coming (with countdowns), then one page of the
// history grouped by series. Pure: the record, the reader (language, zone, now) and the query in,
// an HTML document out. Entry text comes from present/ as in the bot's replies.
import { countdown, formatEntryDate, todayIn } from "../present/dates.ts";
import { leaders, type Reader } from "../present/entries.ts";
import { escapeHtml, link, truncate } from "../present/html.ts";
import { localizedHtml, localizedPlain, pick } from "../present/translate.ts";
import type { EntryRef, RecordView } from "../record/record.ts";
import { KINDS, type Entry } from "../record/schema.ts";
import { href, renderPage } from "./layout.ts";
import { historyPage, upcomingFor, type TimelineFilter } from "./query.ts";

/** History entries per page: a long scroll on a phone, and a bounded cost per request. */
export const HISTORY_PER_PAGE = 50;
/** Upcoming entries shown at most; a filter narrows the rest. */
export const UPCOMING_MAX = 30;

export interface TimelineQuery extends TimelineFilter {
  /** 1-based page of the history. */
  page: number;
}

/** Where an entry's own page is. */
export function entryHref(id: string, lang: string): string {
  return href(`/entries/${encodeURIComponent(id)}`, { lang });
}

/** The address of a track's calendar, or the whole record's. */
export function calendarHref(track: string | undefined, lang: string): string {
  return href(track ? `/calendar/${encodeURIComponent(track)}.ics` : "/calendar.ics", { lang });
}

function shortPlace(e: Entry, r: Reader): string {
  if (!e.place) return "";
  return [e.place.city, e.place.country].map((p) => localizedHtml(p, r.lang)).filter(Boolean).join(", ");
}

function sourcesLine(e: Entry, r: Reader, max = 3): string {
  const shown = e.sources.slice(0, max).map((s) => link(s.outlet, s.url));
  if (e.sources.length > max) shown.push(escapeHtml(r.t("web-sources-more", { count: e.sources.length - max })));
  return `${escapeHtml(r.t("sources"))}: ${shown.join(", ")}`;
}

/** One entry in a list: its title linking to its page, when, where, who, the gist, the sources. */
export function entryCard(record: RecordView, e: Entry, r: Reader, opts: { level: 3 | 4; countdown: boolean; series: boolean }): string {
  const h = `h${opts.level}`;
  const meta = [escapeHtml(formatEntryDate(e, r.lang, r.t)), escapeHtml(r.t(`kind-${e.kind}`))];
  const place = shortPlace(e, r);
  if (place) meta.push(place);
  if (opts.series) {
    const track = record.byTrack.get(e.track)?.track;
    meta.push(track ? localizedHtml(track.title, r.lang) : escapeHtml(e.track));
  }
  meta.push(`<span class="status">${escapeHtml(r.t(`status-${e.status}`))}</span>`);
  const lines = [`<${h}><a href="${entryHref(e.id, r.lang)}">${localizedHtml(e.title, r.lang)}</a></${h}>`, `<p class="meta">${meta.join(" · ")}</p>`];
  if (opts.countdown && e.date) lines.push(`<p class="countdown">${escapeHtml(countdown(e, r.now, r.zone, r.lang, r.t))}</p>`);
  const who = leaders(e, r.lang, r.t);
  if (who) lines.push(`<p class="meta">${escapeHtml(r.t("participants"))}: ${who}</p>`);
  const gist = pick(e.outcome, r.lang) ? e.outcome : e.summary;
  const g = pick(gist, r.lang);
  if (g) {
    const text = escapeHtml(truncate(g.text, 280));
    const label = gist === e.outcome ? `${escapeHtml(r.t("outcome"))}: ` : "";
    lines.push(`<p class="gist">${label}${g.lang === r.lang ? text : `<span lang="${g.lang}">${text}</span> <i>[${g.lang.toUpperCase()}]</i>`}</p>`);
  }
  lines.push(`<p class="sources">${sourcesLine(e, r)}</p>`);
  return `<li class="${e.status}"><article>\n${lines.join("\n")}\n</article></li>`;
}

function filterForm(record: RecordView, r: Reader, q: TimelineQuery): string {
  const option = (value: string, label: string, selected: boolean) =>
    `<option value="${escapeHtml(value)}"${selected ? " selected" : ""}>${label}</option>`;
  const tracks = [option("", escapeHtml(r.t("web-filter-all-tracks")), !q.track), ...record.tracks.map((t) => option(t.id, localizedHtml(t.title, r.lang), q.track === t.id))];
  const kinds = [option("", escapeHtml(r.t("web-filter-all-kinds")), !q.kind), ...KINDS.map((k) => option(k, escapeHtml(r.t(`kind-${k}`)), q.kind === k))];
  return `<form class="filters" method="get" action="/" role="search" aria-label="${escapeHtml(r.t("web-filters"))}">
<input type="hidden" name="lang" value="${r.lang}">
<label for="f-track">${escapeHtml(r.t("web-filter-track"))}<select id="f-track" name="track">${tracks.join("")}</select></label>
<label for="f-kind">${escapeHtml(r.t("web-filter-kind"))}<select id="f-kind" name="kind">${kinds.join("")}</select></label>
<button type="submit">${escapeHtml(r.t("web-filter-submit"))}</button>
</form>`;
}

/** History items grouped by series, in the order each series first appears (newest first). */
function bySeries(refs: EntryRef[]): Map<string, EntryRef[]> {
  const groups = new Map<string, EntryRef[]>();
  for (const ref of refs) {
    let g = groups.get(ref.track);
    if (!g) groups.set(ref.track, (g = []));
    g.push(ref);
  }
  return groups;
}

export function renderTimeline(record: RecordView, r: Reader, q: TimelineQuery): string {
  const { t, lang } = r;
  const today = todayIn(r.now, r.zone);
  const filter: TimelineFilter = { track: q.track, kind: q.kind };
  const track = q.track ? record.byTrack.get(q.track)?.track : undefined;
  const parts: string[] = [`<h1>${escapeHtml(t("web-h1"))}</h1>`, `<p>${escapeHtml(t("web-intro"))}</p>`, filterForm(record, r, q)];

  const calendarLabel = track ? t("web-calendar-track", { track: localizedPlain(track.title, lang) }) : t("web-calendar-all");
  parts.push(`<p class="calendar"><a href="${calendarHref(track?.id, lang)}">${escapeHtml(calendarLabel)}</a></p>`);

  if (q.page === 1) {
    const coming = upcomingFor(record, today, filter, UPCOMING_MAX);
    parts.push(`<section aria-labelledby="upcoming"><h2 id="upcoming">${escapeHtml(t("web-upcoming"))}</h2>`);
    if (coming.items.length === 0) parts.push(`<p class="empty">${escapeHtml(t("web-upcoming-empty"))}</p>`);
    else {
      const cards = coming.items.map((ref) => entryCard(record, record.entry(ref), r, { level: 3, countdown: true, series: !q.track }));
      parts.push(`<ol class="entries">\n${cards.join("\n")}\n</ol>`);
      if (coming.more) parts.push(`<p class="empty">${escapeHtml(t("web-upcoming-more", { count: UPCOMING_MAX }))}</p>`);
    }
    parts.push("</section>");
  }

  const history = historyPage(record, today, filter, q.page, HISTORY_PER_PAGE);
  const historyTitle = q.page > 1 ? `${t("web-history")} · ${t("web-page-n", { page: q.page })}` : t("web-history");
  parts.push(`<section aria-labelledby="history"><h2 id="history">${escapeHtml(historyTitle)}</h2>`);
  if (history.items.length === 0) parts.push(`<p class="empty">${escapeHtml(t(q.page > 1 ? "web-history-no-older" : "web-history-empty"))}</p>`);
  for (const [trackId, refs] of bySeries(history.items)) {
    const s = record.byTrack.get(trackId)?.track;
    const title = s ? localizedHtml(s.title, lang) : escapeHtml(trackId);
    const only = q.track ? "" : `<p class="meta"><a href="${href("/", { lang, track: trackId, kind: q.kind })}">${escapeHtml(t("web-series-only", { track: s ? localizedPlain(s.title, lang) : trackId }))}</a></p>`;
    const cards = refs.map((ref) => entryCard(record, record.entry(ref), r, { level: 4, countdown: false, series: false }));
    parts.push(`<section><h3>${title}</h3>${only}\n<ol class="entries">\n${cards.join("\n")}\n</ol></section>`);
  }
  const pager: string[] = [];
  if (q.page > 1) pager.push(`<a rel="prev" href="${href("/", { lang, track: q.track, kind: q.kind, page: q.page > 2 ? q.page - 1 : undefined })}#history">← ${escapeHtml(t("web-page-newer"))}</a>`);
  if (history.hasOlder) pager.push(`<a rel="next" href="${href("/", { lang, track: q.track, kind: q.kind, page: q.page + 1 })}#history">${escapeHtml(t("web-page-older"))} →</a>`);
  if (pager.length) parts.push(`<nav class="pager" aria-label="${escapeHtml(t("web-pages"))}">${pager.join("\n")}</nav>`);
  parts.push("</section>");

  return renderPage({ lang, t, title: track ? `${localizedPlain(track.title, lang)} — ${t("web-title")}` : t("web-title"), path: "/", params: { track: q.track, kind: q.kind, page: q.page > 1 ? q.page : undefined }, zone: r.zone, main: parts.join("\n") });
}
