// What the /settings menu shows above its buttons: the subscription's settings in words and what
// the open section does; and the sections themselves, whose short ids the menu puts into every
// button's callback data.
import { escapeHtml } from "../../../present/html.ts";
import { localizedPlain } from "../../../present/translate.ts";
import { chatLocale } from "../../../store/chats.ts";
import type { Subscription } from "../../../store/subscription-types.ts";
import type { ParleyContext } from "../../context.ts";
import { about, type Target } from "./targets.ts";

/** A long choice of series is counted rather than listed, past this many. */
const LISTED_TRACKS = 10;

/** What a menu press is about: whose subscription, and the page of the series list. */
export interface View {
  target: Target;
  /** Page of the series list. */
  page: number;
}

export const hh = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

function zoneOf(ctx: ParleyContext, target: Target): string {
  return chatLocale(ctx.deps.prefs, target.chatId, ctx.deps.defaultTimezone).zone;
}

function trackTitle(ctx: ParleyContext, id: string): string {
  const track = ctx.deps.record().byTrack.get(id)?.track;
  return track ? localizedPlain(track.title, ctx.reader.lang) : id;
}

function remindersText(ctx: ParleyContext, sub: Readonly<Subscription>): string {
  const r = sub.reminders;
  if (!r.enabled) return ctx.t("set-off");
  const before = new Intl.ListFormat(ctx.reader.lang, { type: "conjunction" }).format(r.hoursBefore.map((hours) => ctx.t("set-hours", { hours })));
  return ctx.t("set-reminders-on", { before, count: r.hoursBefore.length, time: hh(r.dayBeforeHour) });
}

export type Section = "main" | "tracks" | "kinds" | "delivery" | "hour" | "quiet" | "quietFrom" | "quietTo" | "reminders" | "reminderHour";

/** Menu ids go into every button's callback_data (64 bytes at most): keep them short. The dispatch routes each id here. */
export const SECTIONS: Record<Section, { menu: string; prompt?: string }> = {
  main: { menu: "s" },
  tracks: { menu: "s-t", prompt: "set-prompt-tracks" },
  kinds: { menu: "s-k", prompt: "set-prompt-kinds" },
  delivery: { menu: "s-d", prompt: "set-prompt-delivery" },
  hour: { menu: "s-h", prompt: "set-prompt-hour" },
  quiet: { menu: "s-q", prompt: "set-prompt-quiet" },
  quietFrom: { menu: "s-qf", prompt: "set-prompt-quiet-from" },
  quietTo: { menu: "s-qt", prompt: "set-prompt-quiet-to" },
  reminders: { menu: "s-r", prompt: "set-prompt-reminders" },
  reminderHour: { menu: "s-rh", prompt: "set-prompt-reminder-hour" },
};
export const SECTION_OF_MENU = new Map(Object.entries(SECTIONS).map(([section, { menu }]) => [menu, section as Section]));
export const SETTINGS_MENU_IDS: readonly string[] = [...SECTION_OF_MENU.keys()];

/** The message above the menu: the subscription's settings in words, and what this page does. */
export function settingsText(ctx: ParleyContext, view: View, section: Section): string {
  const { target } = view;
  const sub = ctx.deps.subscriptions.get(target.key);
  const title = `<b>⚙️ ${escapeHtml(ctx.t("set-title"))}</b> · ${ctx.t("set-where", about(target))}`;
  if (!sub?.active) return `${title}\n\n${ctx.t("set-not-subscribed", about(target))}`;
  const zone = escapeHtml(zoneOf(ctx, target));
  // A long choice of series is counted rather than listed, so the message stays small.
  const tracks =
    sub.tracks === "all"
      ? ctx.t("set-all")
      : sub.tracks.length > LISTED_TRACKS
        ? `${sub.tracks.length}/${ctx.deps.record().tracks.length}`
        : sub.tracks.map((id) => escapeHtml(trackTitle(ctx, id))).join(", ");
  const kinds = sub.kinds === "all" ? ctx.t("set-all") : sub.kinds.map((k) => escapeHtml(ctx.t(`kind-${k}`))).join(", ");
  const delivery = sub.delivery.mode === "instant" ? ctx.t("set-delivery-instant") : ctx.t("set-delivery-daily", { time: hh(sub.delivery.hour), zone });
  const quiet = sub.quietHours ? ctx.t("set-quiet-on", { from: hh(sub.quietHours.from), to: hh(sub.quietHours.to), zone }) : ctx.t("set-off");
  const lines = [
    title,
    "",
    `${escapeHtml(ctx.t("set-tracks"))}: ${tracks}`,
    `${escapeHtml(ctx.t("set-kinds"))}: ${kinds}`,
    `${escapeHtml(ctx.t("set-delivery"))}: ${delivery}`,
    `${escapeHtml(ctx.t("set-quiet"))}: ${quiet}`,
    `${escapeHtml(ctx.t("set-reminders"))}: ${remindersText(ctx, sub)}`,
  ];
  const prompt = SECTIONS[section].prompt;
  if (prompt) lines.push("", `<i>${ctx.t(prompt, { zone })}</i>`);
  return lines.join("\n");
}
