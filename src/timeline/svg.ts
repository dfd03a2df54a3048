// The /timeline picture as SVG: a series' entries on a time axis, one lane per kind (or per
// series when all are shown), each entry's shape telling its kind and its colour its status,
// a cancelled one struck through; the legend in the reader's language. Pure: words come in
// through a Translate, "today" as a date; png.ts turns the text into pixels.
import type { EntryRef } from "../record/record.ts";
import { KINDS, STATUSES, type Kind, type Lang, type Status } from "../record/schema.ts";
import { formatDay } from "../present/dates.ts";
import { escapeHtml } from "../present/html.ts";
import type { Translate } from "../present/translate.ts";

/** What the picture needs of an entry (an EntryRef has it all: no entry is read from disk). */
export type TimelineEntry = Pick<EntryRef, "id" | "track" | "kind" | "status" | "date" | "endDate" | "sequence">;

export interface TimelineOptions {
  title: string;
  /** "kind": one series, a lane per kind. "track": every series, a lane each, titled by `trackTitle`. */
  lanes: "kind" | "track";
  trackTitle?: (id: string) => string;
  lang: Lang;
  t: Translate;
  /** YYYY-MM-DD in the reader's zone: where the "today" line goes. */
  today: string;
}

export interface TimelineSvg {
  svg: string;
  width: number;
  height: number;
  /** How many entries are drawn (undated ones cannot be). */
  drawn: number;
}

export const FONT_FAMILY = "DejaVu Sans";

/**
 * Fixed width, height from the lanes: well inside Telegram's photo limits (width + height at
 * most 10,000, sides at most 20:1) for any number of entries; lanes past MAX_LANES are merged.
 */
const WIDTH = 1600;
const LEFT = 260;
const RIGHT = 60;
const LANE_HEIGHT = 72;
const TOP = 190;
const MAX_LANES = 40;

const STATUS_COLOUR: Record<Status, string> = {
  held: "#2e7d32",
  scheduled: "#1565c0",
  announced: "#1565c0",
  postponed: "#ef6c00",
  cancelled: "#9e9e9e",
};
const STRIKE = "#c62828";
const DAY = 86_400_000;

function dayNumber(date: string): number {
  // A month-only date sits in the middle of its month.
  return Date.parse(date.length === 7 ? `${date}-15T00:00:00Z` : `${date}T00:00:00Z`) / DAY;
}

/** A marker of `kind` centred on (x, y), in the status' colours. */
function shape(kind: Kind, status: Status, x: number, y: number, r = 10, colour = STATUS_COLOUR[status]): string {
  // An announced entry is outlined only: its date is not firm yet.
  const fill = status === "announced" ? "#ffffff" : colour;
  const paint = `fill="${fill}" stroke="${colour}" stroke-width="2.5"`;
  const p = (pts: [number, number][]) => pts.map(([a, b]) => `${(x + a).toFixed(1)},${(y + b).toFixed(1)}`).join(" ");
  switch (kind) {
    case "round":
      return `<circle cx="${x.toFixed(1)}" cy="${y}" r="${r}" ${paint}/>`;
    case "meeting":
      return `<rect x="${(x - r).toFixed(1)}" y="${y - r}" width="${2 * r}" height="${2 * r}" ${paint}/>`;
    case "call":
      return `<polygon points="${p([[0, -r - 2], [r + 1, r], [-r - 1, r]])}" ${paint}/>`;
    case "summit":
      return `<polygon points="${p([[0, -r - 3], [r + 3, 0], [0, r + 3], [-r - 3, 0]])}" ${paint}/>`;
    case "other":
      return `<rect x="${(x - r).toFixed(1)}" y="${y - r * 0.6}" width="${2 * r}" height="${1.2 * r}" rx="${r * 0.6}" ${paint}/>`;
  }
}

/** The cross over a cancelled entry. */
function strike(x: number, y: number, r = 13): string {
  return `<path class="strike" d="M${(x - r).toFixed(1)},${y - r} L${(x + r).toFixed(1)},${y + r} M${(x - r).toFixed(1)},${y + r} L${(x + r).toFixed(1)},${y - r}" stroke="${STRIKE}" stroke-width="3"/>`;
}

function text(x: number, y: number, body: string, attrs = ""): string {
  return `<text x="${x.toFixed(1)}" y="${y}"${attrs ? ` ${attrs}` : ""}>${escapeHtml(body)}</text>`;
}

/** Axis ticks: the first of every `step` months, or days when the span is short. */
function ticks(from: number, to: number, lang: Lang): { at: number; label: string }[] {
  const span = to - from;
  const width = WIDTH - LEFT - RIGHT;
  const out: { at: number; label: string }[] = [];
  if (span < 75) {
    const step = [1, 2, 7, 14].find((s) => (s / span) * width >= 90) ?? 14;
    for (let d = Math.ceil(from); d <= to; d += step) {
      const iso = new Date(d * DAY).toISOString();
      out.push({ at: d, label: `${iso.slice(8, 10)}.${iso.slice(5, 7)}` });
    }
    return out;
  }
  const monthDays = 30.44;
  const step = [1, 2, 3, 6, 12, 24, 60, 120].find((s) => ((s * monthDays) / span) * width >= 130) ?? 120;
  const start = new Date(from * DAY);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth() + 1;
  // Align to a multiple of the step (January for yearly ticks).
  while ((y * 12 + m - 1) % step !== 0 || Date.UTC(y, m - 1, 1) / DAY < from) {
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  for (;;) {
    const at = Date.UTC(y, m - 1, 1) / DAY;
    if (at > to) break;
    const ym = `${y}-${String(m).padStart(2, "0")}`;
    out.push({ at, label: step >= 12 ? String(y) : formatDay(ym, lang) });
    m += step;
    while (m > 12) {
      m -= 12;
      y++;
    }
  }
  return out;
}

export function timelineSvg(entries: readonly TimelineEntry[], opts: TimelineOptions): TimelineSvg {
  const { t } = opts;
  const dated = entries.filter((e) => e.date !== null);
  // Lanes: the kinds present in record order, or the series in order of appearance.
  let laneKeys: string[] =
    opts.lanes === "kind" ? KINDS.filter((k) => dated.some((e) => e.kind === k)) : [...new Set(dated.map((e) => e.track))];
  if (laneKeys.length > MAX_LANES) laneKeys = laneKeys.slice(0, MAX_LANES);
  const laneOf = new Map(laneKeys.map((k, i) => [k, i]));
  const laneLabel = (key: string) => (opts.lanes === "kind" ? t(`kind-${key}`) : (opts.trackTitle?.(key) ?? key));
  const lanesShown = Math.max(laneKeys.length, 1);
  const height = TOP + lanesShown * LANE_HEIGHT + 90;

  let from = Infinity;
  let to = -Infinity;
  for (const e of dated) {
    from = Math.min(from, dayNumber(e.date!));
    to = Math.max(to, dayNumber(e.endDate ?? e.date!));
  }
  if (!Number.isFinite(from)) from = to = dayNumber(opts.today);
  // Room at both ends, so the first and last markers are not cut in half.
  const pad = Math.max((to - from) * 0.04, 10);
  from -= pad;
  to += pad;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const xOf = (day: number) => LEFT + ((day - from) / (to - from)) * plotWidth;

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT_FAMILY}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    text(40, 56, opts.title, `class="title" font-size="34" font-weight="bold" fill="#212121"`),
  ];

  // The legend: statuses by colour, kinds by shape.
  out.push(`<g class="legend">`);
  let x = 40;
  out.push(text(x, 104, t("timeline-legend-status"), `font-size="18" fill="#616161"`));
  x += 150;
  for (const s of STATUSES) {
    out.push(`<g class="legend-status" data-status="${s}">`, shape("round", s, x, 98, 8));
    if (s === "cancelled") out.push(strike(x, 98, 10));
    const label = t(`status-${s}`);
    out.push(text(x + 16, 104, label, `font-size="18" fill="#212121"`), `</g>`);
    x += 48 + label.length * 11.5;
  }
  x = 40;
  out.push(text(x, 144, t("timeline-legend-kind"), `font-size="18" fill="#616161"`));
  x += 150;
  for (const k of KINDS) {
    const label = t(`kind-${k}`);
    out.push(`<g class="legend-kind" data-kind="${k}">`, shape(k, "held", x, 138, 8, "#616161"), text(x + 16, 144, label, `font-size="18" fill="#212121"`), `</g>`);
    x += 48 + label.length * 11.5;
  }
  out.push(`</g>`);

  // Lanes, axis and today.
  const laneY = (i: number) => TOP + i * LANE_HEIGHT + LANE_HEIGHT / 2;
  laneKeys.forEach((key, i) => {
    const y = laneY(i);
    if (i % 2 === 0) out.push(`<rect x="0" y="${y - LANE_HEIGHT / 2}" width="${WIDTH}" height="${LANE_HEIGHT}" fill="#f5f5f5"/>`);
    const label = laneLabel(key);
    out.push(text(40, y + 6, label.length > 24 ? `${label.slice(0, 23)}…` : label, `class="lane" font-size="19" fill="#212121"`));
    out.push(`<line x1="${LEFT}" y1="${y}" x2="${WIDTH - RIGHT}" y2="${y}" stroke="#bdbdbd" stroke-width="1.5"/>`);
  });
  const axisY = TOP + lanesShown * LANE_HEIGHT + 10;
  out.push(`<line x1="${LEFT}" y1="${axisY}" x2="${WIDTH - RIGHT}" y2="${axisY}" stroke="#424242" stroke-width="2"/>`);
  for (const tick of ticks(from, to, opts.lang)) {
    const tx = xOf(tick.at);
    out.push(`<line x1="${tx.toFixed(1)}" y1="${TOP}" x2="${tx.toFixed(1)}" y2="${axisY + 8}" stroke="#e0e0e0" stroke-width="1"/>`);
    out.push(text(tx, axisY + 32, tick.label, `class="tick" font-size="16" fill="#424242" text-anchor="middle"`));
  }
  const today = dayNumber(opts.today);
  if (today >= from && today <= to) {
    const tx = xOf(today);
    out.push(`<line class="today" x1="${tx.toFixed(1)}" y1="${TOP - 12}" x2="${tx.toFixed(1)}" y2="${axisY}" stroke="#d81b60" stroke-width="2" stroke-dasharray="6 5"/>`);
    out.push(text(tx, TOP - 18, t("timeline-today"), `font-size="16" fill="#d81b60" text-anchor="middle"`));
  }

  // Entries, oldest first, so that later ones are drawn on top. Markers closer than a marker's
  // width to the previous one in their lane are staggered up and down so both stay visible.
  let drawn = 0;
  const lastX = new Map<number, number>();
  const flip = new Map<number, number>();
  const lastLabelX = new Map<number, number>();
  const sorted = [...dated].sort((a, b) => dayNumber(a.date!) - dayNumber(b.date!));
  for (const e of sorted) {
    const lane = laneOf.get(opts.lanes === "kind" ? e.kind : e.track);
    if (lane === undefined) continue;
    const ex = xOf(dayNumber(e.date!));
    let y = laneY(lane);
    const crowded = ex - (lastX.get(lane) ?? -Infinity) < 22;
    if (crowded) {
      const f = ((flip.get(lane) ?? 0) + 1) % 3;
      flip.set(lane, f);
      y += [0, -16, 16][f];
    } else flip.set(lane, 0);
    lastX.set(lane, ex);
    const when = e.endDate && e.endDate !== e.date ? `${e.date} – ${e.endDate}` : e.date!;
    out.push(`<g class="entry" data-id="${escapeHtml(e.id)}" data-kind="${e.kind}" data-status="${e.status}">`);
    out.push(`<title>${escapeHtml(`${when} · ${t(`kind-${e.kind}`)} · ${t(`status-${e.status}`)}`)}</title>`);
    if (e.endDate && e.endDate !== e.date) {
      const ex2 = xOf(dayNumber(e.endDate));
      out.push(`<line x1="${ex.toFixed(1)}" y1="${y}" x2="${ex2.toFixed(1)}" y2="${y}" stroke="${STATUS_COLOUR[e.status]}" stroke-width="6" stroke-linecap="round"/>`);
    }
    out.push(shape(e.kind, e.status, ex, y));
    if (e.status === "cancelled") out.push(strike(ex, y));
    if (e.sequence && !crowded && ex - (lastLabelX.get(lane) ?? -Infinity) >= 28) {
      out.push(text(ex, y - 17, String(e.sequence), `class="seq" font-size="14" fill="#424242" text-anchor="middle"`));
      lastLabelX.set(lane, ex);
    }
    out.push(`</g>`);
    drawn++;
  }
  if (dated.length === 0) out.push(text(WIDTH / 2, TOP + LANE_HEIGHT / 2 + 6, t("timeline-empty"), `font-size="22" fill="#616161" text-anchor="middle"`));
  out.push(`</svg>`);
  return { svg: out.join("\n"), width: WIDTH, height, drawn };
}
