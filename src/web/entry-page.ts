// One entry's page (`/entries/<id>`) and the page for an id the record does not have. Pure, like
// the timeline: the same words and dates as the bot's /event, laid out as a document.
import { countdown, formatEntryDate } from "../present/dates.ts";
import { partyName, placeText, type Reader } from "../present/entries.ts";
import { escapeHtml, link } from "../present/html.ts";
import { localizedHtml, localizedPlain } from "../present/translate.ts";
import { neighbours, type RecordView } from "../record/record.ts";
import type { Entry } from "../record/schema.ts";
import { href, renderPage } from "./layout.ts";
import { calendarHref, entryHref } from "./timeline.ts";

export function renderEntryPage(record: RecordView, e: Entry, r: Reader): string {
  const { t, lang } = r;
  const track = record.byTrack.get(e.track)?.track;
  const trackTitle = track ? localizedHtml(track.title, lang) : escapeHtml(e.track);
  const parts: string[] = [
    `<nav aria-label="${escapeHtml(t("web-breadcrumbs"))}"><p class="meta"><a href="${href("/", { lang })}">${escapeHtml(t("web-h1"))}</a> › <a href="${href("/", { lang, track: e.track })}">${trackTitle}</a></p></nav>`,
    "<article>",
    `<h1>${localizedHtml(e.title, lang)}</h1>`,
  ];
  const facts: [string, string][] = [];
  facts.push([t("web-entry-series"), e.sequence ? `${trackTitle} · ${escapeHtml(t("sequence", { n: e.sequence }))}` : trackTitle]);
  facts.push([t("web-entry-when"), escapeHtml(formatEntryDate(e, lang, t, r.zone))]);
  if ((e.status === "scheduled" || e.status === "announced") && e.date) {
    facts.push([t("web-entry-countdown"), `<span class="countdown">${escapeHtml(countdown(e, r.now, r.zone, lang, t))}</span>`]);
  }
  facts.push([t("web-entry-kind"), escapeHtml(t(`kind-${e.kind}`))]);
  facts.push([t("web-entry-status"), `<span class="status">${escapeHtml(t(`status-${e.status}`))}</span>`]);
  const place = placeText(e, lang);
  if (place) facts.push([t("web-entry-place"), place]);
  if (e.durationMinutes) facts.push([t("web-entry-duration"), escapeHtml(t("duration", { hours: Math.floor(e.durationMinutes / 60), minutes: e.durationMinutes % 60 }))]);
  facts.push([t("web-entry-parties"), e.parties.map((p) => escapeHtml(partyName(p, t))).join(" – ")]);
  parts.push(`<dl class="facts">\n${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join("\n")}\n</dl>`);
  parts.push(`<p class="calendar"><a href="${calendarHref(e.track, lang)}">${escapeHtml(t("web-calendar-track", { track: track ? localizedPlain(track.title, lang) : e.track }))}</a></p>`);

  parts.push(`<h2>${escapeHtml(t("web-entry-summary"))}</h2>`, `<p>${localizedHtml(e.summary, lang)}</p>`);
  if (e.outcome) parts.push(`<h2>${escapeHtml(t("outcome"))}</h2>`, `<p>${localizedHtml(e.outcome, lang)}</p>`);
  if (e.participants.length) {
    const items = e.participants.map((p) => {
      const role = p.role ? ` — ${localizedHtml(p.role, lang)}` : "";
      return `<li>${localizedHtml(p.name, lang)}${role} (${escapeHtml(partyName(p.side, t))})</li>`;
    });
    parts.push(`<h2>${escapeHtml(t("participants"))}</h2>`, `<ul>\n${items.join("\n")}\n</ul>`);
  }
  if (e.note) parts.push(`<h2>${escapeHtml(t("note"))}</h2>`, `<p class="note">${localizedHtml(e.note, lang)}</p>`);
  const sources = e.sources.map((s) => {
    const meta = [s.published, s.language].filter(Boolean).join(", ");
    return `<li>${link(s.outlet, s.url)}${meta ? ` (${escapeHtml(meta)})` : ""}</li>`;
  });
  parts.push(`<h2>${escapeHtml(t("sources"))}</h2>`, `<ol>\n${sources.join("\n")}\n</ol>`);
  parts.push("</article>");

  const around = neighbours(record, e.id);
  const nav: string[] = [];
  for (const [ref, key, rel] of [[around.previous, "previous", "prev"], [around.next, "next-in-track", "next"]] as const) {
    if (!ref) continue;
    const other = record.entry(ref);
    nav.push(`<li>${escapeHtml(t(key))}: <a rel="${rel}" href="${entryHref(other.id, lang)}">${localizedHtml(other.title, lang)}</a></li>`);
  }
  if (nav.length) parts.push(`<nav aria-labelledby="around"><h2 id="around">${escapeHtml(t("web-entry-around"))}</h2><ul>\n${nav.join("\n")}\n</ul></nav>`);

  const title = `${localizedPlain(e.title, lang)} — ${t("web-brand")}`;
  return renderPage({ lang, t, title, path: `/entries/${encodeURIComponent(e.id)}`, zone: r.zone, main: parts.join("\n") });
}

/** The page for an id the record does not have (served with 404). */
export function renderNotFound(r: Reader, what: string, path: string): string {
  const { t, lang } = r;
  const main = [
    `<h1>${escapeHtml(t("web-not-found-title"))}</h1>`,
    `<p>${escapeHtml(t("web-not-found-text", { id: what.slice(0, 60) }))}</p>`,
    `<p><a href="${href("/", { lang })}">${escapeHtml(t("web-back"))}</a></p>`,
  ].join("\n");
  return renderPage({ lang, t, title: `${t("web-not-found-title")} — ${t("web-brand")}`, path, zone: r.zone, main });
}
