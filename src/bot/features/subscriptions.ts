// /subscribe, /unsubscribe and /settings: who gets digests and how. A private chat, a group, a
// forum topic or a channel (managed from the admin's private chat with `@channel`) each hold
// one Subscription; in groups and channels only administrators may change it. The settings are
// an inline menu (@grammyjs/menu) whose every press saves and re-renders the message.
import { Menu, type MenuFlavor } from "@grammyjs/menu";
import { Composer, GrammyError, type Middleware } from "grammy";
import type { Chat, ChatMember } from "grammy/types";
import { escapeHtml, LIMITS, plainText, truncate } from "../../present/html.ts";
import { langFromCode, localizedPlain } from "../../present/translate.ts";
import { KINDS, type Kind } from "../../record/schema.ts";
import { subscriptionKey, type Subscription } from "../../store/subscription-types.ts";
import { chatLocale, moveChat } from "../../store/chats.ts";
import type { ParleyContext } from "../context.ts";
import { mayConfigure } from "./preferences.ts";

type SettingsContext = ParleyContext & MenuFlavor;

/** @GroupAnonymousBot: the sender of messages an admin posts anonymously (as the group). */
const ANONYMOUS_ADMIN_ID = 1087968824;
const TRACKS_PAGE = 12;
const LISTED_TRACKS = 10;
const HTML = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };

/** The chat (or topic, or channel) whose subscription a command or a menu press is about. */
interface Target {
  chatId: number;
  threadId?: number;
  chatType: Subscription["chatType"];
  key: string;
  /** A channel managed from a private chat: its @username or title, as HTML... */
  channelName?: string;
  /** ...and what to write after /settings to name it: the @username, else the id. */
  channelRef?: string;
}

type Where = "private" | "group" | "topic" | "channel";

function whereOf(target: Target): Where {
  if (target.chatType === "channel") return "channel";
  if (target.threadId) return "topic";
  return target.chatType === "private" ? "private" : "group";
}

/** Words about the target for the locale strings: where it is, and the channel's name. */
function about(target: Target): Record<string, string> {
  return { where: whereOf(target), channel: target.channelName ?? "", ref: target.channelRef ?? "" };
}

function targetOfChat(ctx: ParleyContext): Target | undefined {
  const chat = ctx.chat;
  if (!chat || chat.type === "channel") return undefined;
  // is_topic_message, not message_thread_id alone: in supergroups a reply thread has an id too.
  const threadId = chat.type === "supergroup" && ctx.msg?.is_topic_message ? ctx.msg.message_thread_id : undefined;
  return { chatId: chat.id, threadId, chatType: chat.type, key: subscriptionKey(chat.id, threadId) };
}

function channelTarget(chatId: number, channel: ChannelNames): Target {
  return { chatId, chatType: "channel", key: subscriptionKey(chatId), channelName: channel.name, channelRef: channel.ref };
}

interface ChannelNames {
  name: string;
  ref: string;
}

function channelNames(chat: Chat): ChannelNames {
  const username = "username" in chat && chat.username ? `@${chat.username}` : undefined;
  const title = "title" in chat && chat.title ? chat.title : undefined;
  return { name: escapeHtml(username ?? title ?? String(chat.id)), ref: escapeHtml(username ?? String(chat.id)) };
}

/** Button answers are plain text of at most 200 characters. */
function plain(html: string): string {
  return truncate(plainText(html), LIMITS.callbackAnswer);
}

/** "@name", "t.me/name" or a numeric id (-100…): what getChat accepts. */
export function parseChannelRef(arg: string): string | number | undefined {
  const name = /^(?:(?:https?:\/\/)?(?:t\.me|telegram\.me)\/|@)?([A-Za-z][A-Za-z0-9_]{3,31})$/.exec(arg);
  if (name) return `@${name[1]}`;
  if (/^-100\d{5,13}$/.test(arg)) return Number(arg);
  return undefined;
}

function isAdminStatus(member: ChatMember | undefined): boolean {
  return member?.status === "creator" || member?.status === "administrator";
}

/** A member lookup that a Telegram refusal (bot not in the chat, user unknown) turns into undefined. */
async function memberOf(ctx: ParleyContext, chatId: number, userId: number): Promise<ChatMember | undefined> {
  try {
    return await ctx.api.getChatMember(chatId, userId);
  } catch (err) {
    if (err instanceof GrammyError && (err.error_code === 400 || err.error_code === 403)) return undefined;
    throw err;
  }
}

/** May the sender change this chat's subscription? Private: yes; group: admins; channel: its admins. */
async function mayManage(ctx: ParleyContext, target: Target): Promise<boolean> {
  if (target.chatType === "private") return true;
  if (target.chatType === "channel") return mayManageChannel(ctx, target.chatId);
  // An admin posting anonymously writes as the group itself, through @GroupAnonymousBot.
  if (ctx.from?.id === ANONYMOUS_ADMIN_ID && ctx.senderChat?.id === target.chatId) return true;
  return mayConfigure(ctx);
}

async function mayManageChannel(ctx: ParleyContext, channelId: number): Promise<boolean> {
  if (!ctx.from) return false;
  const member = await memberOf(ctx, channelId, ctx.from.id);
  if (member) return isAdminStatus(member);
  // Telegram shows a channel's members only to its admin bots: once the bot has been removed,
  // whoever subscribed the channel may still stop it or change it.
  return ctx.deps.subscriptions.get(subscriptionKey(channelId))?.createdBy === ctx.from.id;
}

type ChannelCheck = { ok: true; target: Target } | { ok: false; reply: string };

/**
 * Looks a channel up for /subscribe, /unsubscribe or /settings from a private chat. Subscribing
 * also needs the bot to be an administrator allowed to post; every refusal says what to do.
 */
async function checkChannel(ctx: ParleyContext, arg: string, purpose: "subscribe" | "manage"): Promise<ChannelCheck> {
  const ref = parseChannelRef(arg);
  const shown = escapeHtml(truncate(arg, 40));
  if (ref === undefined) return { ok: false, reply: ctx.t("sub-channel-bad-arg", { arg: shown }) };
  let chat: Chat;
  try {
    chat = await ctx.api.getChat(ref);
  } catch (err) {
    if (!(err instanceof GrammyError) || (err.error_code !== 400 && err.error_code !== 403)) throw err;
    // Once the bot is out of a channel, the one who subscribed it can still manage it by id.
    if (purpose === "manage" && typeof ref === "number" && (await mayManageChannel(ctx, ref))) {
      return { ok: true, target: channelTarget(ref, { name: shown, ref: shown }) };
    }
    const key = err.error_code === 403 ? "sub-channel-bot-not-admin" : "sub-channel-not-found";
    return { ok: false, reply: ctx.t(key, { channel: shown, ref: shown }) };
  }
  const names = channelNames(chat);
  const vars = { channel: names.name, ref: names.ref };
  if (chat.type !== "channel") return { ok: false, reply: ctx.t("sub-channel-not-channel", { ...vars, type: chat.type === "private" ? "private" : "group" }) };
  if (purpose === "subscribe") {
    const me = await memberOf(ctx, chat.id, ctx.me.id);
    if (me?.status !== "administrator") return { ok: false, reply: ctx.t("sub-channel-bot-not-admin", vars) };
    if (!me.can_post_messages) return { ok: false, reply: ctx.t("sub-channel-bot-cannot-post", vars) };
    const user = ctx.from ? await memberOf(ctx, chat.id, ctx.from.id) : undefined;
    if (!isAdminStatus(user)) return { ok: false, reply: ctx.t("sub-channel-user-not-admin", vars) };
  } else if (!(await mayManageChannel(ctx, chat.id))) {
    return { ok: false, reply: ctx.t("sub-channel-user-not-admin", vars) };
  }
  remembered.set(chat.id, names);
  return { ok: true, target: channelTarget(chat.id, names) };
}

/** Answers where the command came from: in the same forum topic, as HTML. */
function answer(ctx: ParleyContext, html: string, extra: { reply_markup?: Menu<SettingsContext> } = {}) {
  const threadId = ctx.msg?.is_topic_message ? ctx.msg.message_thread_id : undefined;
  return ctx.reply(html, { ...HTML, ...extra, message_thread_id: threadId });
}

/** Why the sender may not change this subscription, in the sender's own language. */
function refusal(ctx: ParleyContext, target: Target): string {
  if (target.chatType === "channel") return ctx.t("sub-channel-user-not-admin", about(target));
  // A group's stored language is its admins' choice; a member who was refused may not read it.
  const own = langFromCode(ctx.from?.language_code);
  return own ? ctx.i18n.fluent.translate(own, "sub-admins-only") : ctx.t("sub-admins-only");
}

// ───────────── subscribing ─────────────

async function subscribe(ctx: ParleyContext, target: Target): Promise<string> {
  const { subscriptions, prefs, clock } = ctx.deps;
  const { outcome } = await subscriptions.subscribe(
    { chatId: target.chatId, threadId: target.threadId, chatType: target.chatType, createdBy: ctx.from?.id ?? 0 },
    clock(),
  );
  // The digest job writes in the chat's stored language and zone: start from the subscriber's.
  // A channel has no language of its own to go by, so it takes the admin's zone as well.
  const stored = prefs.get(target.chatId);
  const defaults = {
    ...(stored.lang ? {} : { lang: ctx.reader.lang }),
    ...(target.chatType === "channel" && !stored.tz ? { tz: ctx.reader.zone } : {}),
  };
  if (Object.keys(defaults).length) await prefs.set(target.chatId, defaults);
  ctx.deps.log.info("subscription", { key: target.key, outcome });
  const key = outcome === "created" ? "sub-created" : outcome === "reactivated" ? "sub-reactivated" : "sub-already";
  return ctx.t(key, about(target));
}

/** The chat the command came from (if the sender may manage it), or the channel it names. */
async function commandTarget(ctx: ParleyContext, purpose: "subscribe" | "manage", checkAdmin = true): Promise<Target | undefined> {
  const arg = typeof ctx.match === "string" ? ctx.match.trim() : "";
  if (arg) {
    if (ctx.chat?.type !== "private") {
      await answer(ctx, ctx.t("sub-channel-from-private"));
      return undefined;
    }
    const check = await checkChannel(ctx, arg, purpose);
    if (!check.ok) {
      await answer(ctx, check.reply);
      return undefined;
    }
    return check.target;
  }
  const target = targetOfChat(ctx);
  if (target && checkAdmin && !(await mayManage(ctx, target))) {
    await answer(ctx, refusal(ctx, target));
    return undefined;
  }
  return target;
}

// ───────────── /settings: the menu ─────────────

interface View {
  target: Target;
  /** Page of the series list. */
  page: number;
}

/** The view an update works on: set by the command, or read back from a pressed button. */
const views = new WeakMap<object, View>();

/** Channels' names by id, so a menu press needs no getChat to write the header. */
const remembered = new Map<number, ChannelNames>();

/** Button payload: the channel's id when managed from a private chat, and the series page. */
function payloadOf(view: View): string {
  const channel = view.target.chatType === "channel" ? String(view.target.chatId) : "";
  return view.page ? `${channel}_${view.page}` : channel;
}

async function viewOf(ctx: SettingsContext): Promise<View | undefined> {
  const known = views.get(ctx);
  if (known) return known;
  const payload = typeof ctx.match === "string" ? /^(-\d+)?(?:_(\d+))?$/.exec(ctx.match) : null;
  const channelId = payload?.[1] ? Number(payload[1]) : undefined;
  let target: Target | undefined;
  if (channelId !== undefined) {
    let names = remembered.get(channelId);
    if (!names) {
      const fallback = { name: String(channelId), ref: String(channelId) };
      names = await ctx.api.getChat(channelId).then(channelNames, () => fallback);
      remembered.set(channelId, names);
    }
    target = channelTarget(channelId, names);
  } else target = targetOfChat(ctx);
  if (!target) return undefined;
  const view = { target, page: payload?.[2] ? Number(payload[2]) : 0 };
  views.set(ctx, view);
  return view;
}

const hh = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

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

type Section = "main" | "tracks" | "kinds" | "delivery" | "hour" | "quiet" | "quietFrom" | "quietTo" | "reminders" | "reminderHour";

/** Menu ids go into every button's callback_data (64 bytes at most): keep them short. */
const SECTIONS: Record<Section, { menu: string; prompt?: string }> = {
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
const SECTION_OF_MENU = new Map(Object.entries(SECTIONS).map(([section, { menu }]) => [menu, section as Section]));

/** The message above the menu: the subscription's settings in words, and what this page does. */
function settingsText(ctx: ParleyContext, view: View, section: Section): string {
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

/** Shows a section: the menu's buttons and the message text, both from the saved state. */
async function show(ctx: SettingsContext, section: Section) {
  const view = await viewOf(ctx);
  if (!view) return;
  ctx.menu.nav(SECTIONS[section].menu);
  try {
    // The menu plugin puts the (re-rendered) menu on this edit of the menu's own message.
    await ctx.editMessageText(settingsText(ctx, view, section), HTML);
  } catch (err) {
    if (!(err instanceof GrammyError && err.description.includes("message is not modified"))) throw err;
  }
}

function sectionOf(ctx: SettingsContext): Section {
  return SECTION_OF_MENU.get(ctx.callbackQuery?.data?.split("/")[0] ?? "") ?? "main";
}

/** What a change asks for: a refusal to show (plain text), or the section to show next. */
type Outcome = { alert: string } | { next: Section } | void;
type Change = (ctx: SettingsContext, view: View, sub: Readonly<Subscription>) => Promise<Outcome>;

/**
 * A menu button's handler: checks the presser may manage the subscription, applies the change
 * and re-renders the menu from what was saved.
 */
function act(change: Change) {
  return async (ctx: SettingsContext) => {
    const view = await viewOf(ctx);
    if (!view) return void (await ctx.answerCallbackQuery());
    if (!(await mayManage(ctx, view.target))) {
      return void (await ctx.answerCallbackQuery({ text: plain(refusal(ctx, view.target)), show_alert: true }));
    }
    const sub = ctx.deps.subscriptions.get(view.target.key);
    if (!sub?.active) {
      await ctx.answerCallbackQuery({ text: plain(ctx.t("set-not-subscribed", about(view.target))) });
      return show(ctx, "main");
    }
    const outcome = await change(ctx, view, sub);
    if (outcome && "alert" in outcome) return void (await ctx.answerCallbackQuery({ text: outcome.alert, show_alert: true }));
    await ctx.answerCallbackQuery();
    await show(ctx, outcome?.next ?? sectionOf(ctx));
  };
}

/** Navigation only (no change): anyone may look. */
function go(section: Section) {
  return async (ctx: SettingsContext) => {
    await ctx.answerCallbackQuery();
    await show(ctx, section);
  };
}

/** The Subscribe button of an unsubscribed chat's settings: the same checks as /subscribe. */
async function subscribeFromMenu(ctx: SettingsContext) {
  const view = await viewOf(ctx);
  if (!view) return void (await ctx.answerCallbackQuery());
  let target = view.target;
  if (target.chatType === "channel") {
    const check = await checkChannel(ctx, String(target.chatId), "subscribe");
    if (!check.ok) {
      await ctx.answerCallbackQuery();
      await answer(ctx, check.reply);
      return;
    }
    target = check.target;
  } else if (!(await mayManage(ctx, target))) {
    return void (await ctx.answerCallbackQuery({ text: plain(refusal(ctx, target)), show_alert: true }));
  }
  const reply = await subscribe(ctx, target);
  await ctx.answerCallbackQuery({ text: plain(reply) });
  await show(ctx, "main");
}

const mark = (on: boolean) => (on ? "✅" : "▫️");

function makeMenu(section: Section, build: (ctx: SettingsContext, range: MenuRangeOf, view: View, sub: Readonly<Subscription>) => void) {
  return new Menu<SettingsContext>(SECTIONS[section].menu, {
    autoAnswer: false,
    // A press on a menu drawn before the settings changed (another admin, the record reloaded).
    onMenuOutdated: async (ctx) => {
      await ctx.answerCallbackQuery({ text: ctx.t("set-outdated") });
      await show(ctx, section);
    },
  }).dynamic(async (ctx, range) => {
    const view = await viewOf(ctx);
    if (!view) return;
    const sub = ctx.deps.subscriptions.get(view.target.key);
    if (!sub?.active) {
      range.text({ text: `🔔 ${ctx.t("btn-subscribe")}`, payload: payloadOf(view) }, subscribeFromMenu);
      return;
    }
    build(ctx, range, view, sub);
  });
}

type MenuRangeOf = Parameters<Parameters<Menu<SettingsContext>["dynamic"]>[0]>[1];

function backButton(ctx: SettingsContext, range: MenuRangeOf, view: View, to: Section) {
  range.row().text({ text: `‹ ${ctx.t("btn-set-back")}`, payload: payloadOf(view) }, go(to));
}

function hourGrid(ctx: SettingsContext, range: MenuRangeOf, view: View, current: number | undefined, pick: (hour: number) => Change, back: Section) {
  for (let hour = 0; hour < 24; hour++) {
    if (hour % 6 === 0) range.row();
    range.text({ text: hour === current ? `• ${hh(hour)}` : hh(hour), payload: payloadOf(view) }, act(pick(hour)));
  }
  backButton(ctx, range, view, back);
}

const mainMenu = makeMenu("main", (ctx, range, view, sub) => {
  const p = payloadOf(view);
  const total = ctx.deps.record().tracks.length;
  const tracks = sub.tracks === "all" ? ctx.t("set-all") : `${sub.tracks.length}/${total}`;
  const kinds = sub.kinds === "all" ? ctx.t("set-all") : `${sub.kinds.length}/${KINDS.length}`;
  const delivery = sub.delivery.mode === "instant" ? ctx.t("btn-set-instant") : hh(sub.delivery.hour);
  const quiet = sub.quietHours ? `${hh(sub.quietHours.from)}–${hh(sub.quietHours.to)}` : ctx.t("set-off");
  range
    .text({ text: `🧵 ${ctx.t("set-tracks")}: ${tracks}`, payload: p }, go("tracks"))
    .row()
    .text({ text: `🗂 ${ctx.t("set-kinds")}: ${kinds}`, payload: p }, go("kinds"))
    .row()
    .text({ text: `⏱ ${ctx.t("set-delivery")}: ${delivery}`, payload: p }, go("delivery"))
    .row()
    .text({ text: `🌙 ${ctx.t("set-quiet")}: ${quiet}`, payload: p }, go("quiet"))
    .row()
    .text({ text: `⏰ ${ctx.t("set-reminders")}: ${ctx.t(sub.reminders.enabled ? "set-on" : "set-off")}`, payload: p }, go("reminders"))
    .row()
    .text(
      { text: `🔕 ${ctx.t("btn-set-unsubscribe")}`, payload: p },
      act(async (ctx, view) => {
        await ctx.deps.subscriptions.deactivate(view.target.key, "unsubscribed");
      }),
    );
});

/** Series ids after toggling one; "all" once every current series is chosen (new ones then count too). */
function toggled<T extends string>(current: readonly T[] | "all", all: readonly T[], id: T): T[] | "all" {
  const chosen = new Set(current === "all" ? all : current);
  if (chosen.has(id)) chosen.delete(id);
  else chosen.add(id);
  return all.every((x) => chosen.has(x)) ? "all" : all.filter((x) => chosen.has(x)).concat([...chosen].filter((x) => !all.includes(x)));
}

const tracksMenu = makeMenu("tracks", (ctx, range, view, sub) => {
  const tracks = ctx.deps.record().tracks;
  const pages = Math.max(1, Math.ceil(tracks.length / TRACKS_PAGE));
  const page = Math.min(view.page, pages - 1);
  const p = payloadOf(view);
  range.text(
    { text: `${mark(sub.tracks === "all")} ${ctx.t("btn-set-all-tracks")}`, payload: p },
    act(async (ctx, view) => {
      await ctx.deps.subscriptions.setFilters(view.target.key, { tracks: "all" });
    }),
  );
  for (const track of tracks.slice(page * TRACKS_PAGE, (page + 1) * TRACKS_PAGE)) {
    const on = sub.tracks === "all" || sub.tracks.includes(track.id);
    range.row().text(
      { text: `${mark(on)} ${truncate(localizedPlain(track.title, ctx.reader.lang), 48)}`, payload: p },
      act(async (ctx, view, sub) => {
        const ids = ctx.deps.record().tracks.map((t) => t.id);
        const next = toggled(sub.tracks, ids, track.id);
        if (next !== "all" && next.length === 0) return { alert: ctx.t("set-keep-one-track") };
        await ctx.deps.subscriptions.setFilters(view.target.key, { tracks: next });
      }),
    );
  }
  if (pages > 1) {
    const turn = (to: number) => async (ctx: SettingsContext) => {
      const view = await viewOf(ctx);
      if (view) view.page = to;
      await ctx.answerCallbackQuery();
      await show(ctx, "tracks");
    };
    range.row();
    if (page > 0) range.text({ text: "‹", payload: p }, turn(page - 1));
    range.text({ text: `${page + 1}/${pages}`, payload: p }, turn(page));
    if (page + 1 < pages) range.text({ text: "›", payload: p }, turn(page + 1));
  }
  backButton(ctx, range, view, "main");
});

const kindsMenu = makeMenu("kinds", (ctx, range, view, sub) => {
  const p = payloadOf(view);
  range.text(
    { text: `${mark(sub.kinds === "all")} ${ctx.t("btn-set-all-kinds")}`, payload: p },
    act(async (ctx, view) => {
      await ctx.deps.subscriptions.setFilters(view.target.key, { kinds: "all" });
    }),
  );
  KINDS.forEach((kind, i) => {
    if (i % 2 === 0) range.row();
    const on = sub.kinds === "all" || sub.kinds.includes(kind);
    range.text(
      { text: `${mark(on)} ${ctx.t(`kind-${kind}`)}`, payload: p },
      act(async (ctx, view, sub) => {
        const next = toggled<Kind>(sub.kinds, KINDS, kind);
        if (next !== "all" && next.length === 0) return { alert: ctx.t("set-keep-one-kind") };
        await ctx.deps.subscriptions.setFilters(view.target.key, { kinds: next });
      }),
    );
  });
  backButton(ctx, range, view, "main");
});

const deliveryMenu = makeMenu("delivery", (ctx, range, view, sub) => {
  const p = payloadOf(view);
  const daily = sub.delivery.mode === "daily" ? sub.delivery.hour : undefined;
  range
    .text(
      { text: `${mark(daily === undefined)} ${ctx.t("btn-set-instant")}`, payload: p },
      act(async (ctx, view) => {
        await ctx.deps.subscriptions.setDelivery(view.target.key, { mode: "instant" });
      }),
    )
    .row()
    .text({ text: `${mark(daily !== undefined)} ${ctx.t("btn-set-daily", { time: daily === undefined ? "…" : hh(daily) })}`, payload: p }, go("hour"));
  backButton(ctx, range, view, "main");
});

const hourMenu = makeMenu("hour", (ctx, range, view, sub) => {
  const current = sub.delivery.mode === "daily" ? sub.delivery.hour : undefined;
  hourGrid(
    ctx,
    range,
    view,
    current,
    (hour) => async (ctx, view) => {
      await ctx.deps.subscriptions.setDelivery(view.target.key, { mode: "daily", hour });
      return { next: "main" };
    },
    "delivery",
  );
});

const QUIET_PRESETS = [
  { from: 22, to: 8 },
  { from: 23, to: 7 },
  { from: 0, to: 7 },
];

const quietMenu = makeMenu("quiet", (ctx, range, view, sub) => {
  const p = payloadOf(view);
  const q = sub.quietHours;
  range.text(
    { text: `${mark(!q)} ${ctx.t("set-off")}`, payload: p },
    act(async (ctx, view) => {
      await ctx.deps.subscriptions.setQuietHours(view.target.key, undefined);
    }),
  );
  range.row();
  for (const preset of QUIET_PRESETS) {
    const on = q?.from === preset.from && q.to === preset.to;
    range.text(
      { text: `${mark(on)} ${hh(preset.from)}–${hh(preset.to)}`, payload: p },
      act(async (ctx, view) => {
        await ctx.deps.subscriptions.setQuietHours(view.target.key, preset);
      }),
    );
  }
  range.row().text({ text: `🕘 ${ctx.t("btn-set-custom")}`, payload: p }, go("quietFrom"));
  backButton(ctx, range, view, "main");
});

// Custom quiet hours in two steps: the start is saved at once (with the end it had, or eight
// hours on), so nothing half-chosen has to be remembered between presses.
const quietFromMenu = makeMenu("quietFrom", (ctx, range, view, sub) => {
  hourGrid(
    ctx,
    range,
    view,
    sub.quietHours?.from,
    (from) => async (ctx, view, sub) => {
      const to = sub.quietHours && sub.quietHours.to !== from ? sub.quietHours.to : (from + 8) % 24;
      await ctx.deps.subscriptions.setQuietHours(view.target.key, { from, to });
      return { next: "quietTo" };
    },
    "quiet",
  );
});

const quietToMenu = makeMenu("quietTo", (ctx, range, view, sub) => {
  hourGrid(
    ctx,
    range,
    view,
    sub.quietHours?.to,
    (to) => async (ctx, view, sub) => {
      const from = sub.quietHours?.from ?? 22;
      if (from === to) return { alert: ctx.t("set-same-hour") };
      await ctx.deps.subscriptions.setQuietHours(view.target.key, { from, to });
      return { next: "main" };
    },
    "quietFrom",
  );
});

const remindersMenu = makeMenu("reminders", (ctx, range, view, sub) => {
  const p = payloadOf(view);
  const r = sub.reminders;
  range.text(
    { text: `${mark(r.enabled)} ${ctx.t("btn-set-reminders-on")}`, payload: p },
    act(async (ctx, view, sub) => {
      await ctx.deps.subscriptions.setReminders(view.target.key, { enabled: !sub.reminders.enabled });
    }),
  );
  if (r.enabled) {
    range.row();
    for (const hours of [24, 1]) {
      range.text(
        { text: `${mark(r.hoursBefore.includes(hours))} ${ctx.t("btn-set-before", { hours })}`, payload: p },
        act(async (ctx, view, sub) => {
          const set = new Set(sub.reminders.hoursBefore);
          if (set.has(hours)) set.delete(hours);
          else set.add(hours);
          await ctx.deps.subscriptions.setReminders(view.target.key, { hoursBefore: [...set] });
        }),
      );
    }
    range.row().text({ text: `📅 ${ctx.t("btn-set-day-before", { time: hh(r.dayBeforeHour) })}`, payload: p }, go("reminderHour"));
  }
  backButton(ctx, range, view, "main");
});

const reminderHourMenu = makeMenu("reminderHour", (ctx, range, view, sub) => {
  hourGrid(
    ctx,
    range,
    view,
    sub.reminders.dayBeforeHour,
    (hour) => async (ctx, view) => {
      await ctx.deps.subscriptions.setReminders(view.target.key, { dayBeforeHour: hour });
      return { next: "reminders" };
    },
    "reminders",
  );
});

mainMenu.register([tracksMenu, kindsMenu, deliveryMenu, hourMenu, quietMenu, quietFromMenu, quietToMenu, remindersMenu, reminderHourMenu]);
// ctx.menu exists only inside the menu's own handlers, which the plugin sets up itself; the rest
// of the bot's context type need not carry it.
export const subscriptions = new Composer<ParleyContext>();
// First, so the menu can render itself into the replies sent by the handlers below.
subscriptions.use(mainMenu as unknown as Middleware<ParleyContext>);
const chats = subscriptions.chatType(["private", "group", "supergroup"]);

// ───────────── commands ─────────────

chats.command("subscribe", async (ctx) => {
  const target = await commandTarget(ctx, "subscribe");
  if (target) await answer(ctx, await subscribe(ctx, target));
});

// The /start greeting's button.
chats.callbackQuery("go:subscribe", async (ctx) => {
  const target = targetOfChat(ctx);
  if (!target) return void (await ctx.answerCallbackQuery());
  if (!(await mayManage(ctx, target))) {
    return void (await ctx.answerCallbackQuery({ text: plain(refusal(ctx, target)), show_alert: true }));
  }
  await ctx.answerCallbackQuery();
  await answer(ctx, await subscribe(ctx, target));
});

chats.command("unsubscribe", async (ctx) => {
  const target = await commandTarget(ctx, "manage");
  if (!target) return;
  const stopped = await ctx.deps.subscriptions.unsubscribe(target.chatId, target.threadId);
  await answer(ctx, ctx.t(stopped ? "sub-stopped" : "sub-not-subscribed", about(target)));
});

chats.command("settings", async (ctx) => {
  // Anyone may look at a group's settings; the buttons check who presses them.
  const target = await commandTarget(ctx, "manage", false);
  if (!target) return;
  const view = { target, page: 0 };
  views.set(ctx, view);
  await answer(ctx, settingsText(ctx, view, "main"), { reply_markup: mainMenu });
});

// ───────────── the bot's own membership ─────────────

// Blocked by a user, removed from a group, or no longer allowed to post in a channel: stop the
// subscriptions there (the settings stay, for a later /subscribe).
subscriptions.on("my_chat_member", async (ctx) => {
  const member = ctx.myChatMember.new_chat_member;
  const chat = ctx.chat;
  let reason: string | undefined;
  if (member.status === "kicked") reason = chat.type === "private" ? "blocked" : "kicked";
  else if (member.status === "left") reason = "left";
  else if (chat.type === "channel" && !(member.status === "administrator" && member.can_post_messages)) reason = "cannot post";
  if (!reason) return;
  const stopped = await ctx.deps.subscriptions.deactivateChat(chat.id, reason);
  if (!stopped.length) return;
  ctx.deps.log.info("subscriptions stopped", { chat: chat.id, reason, count: stopped.length });
  if (chat.type !== "channel") return;
  // Whoever subscribed the channel hears why its digests stopped, and how to resume them.
  const names = channelNames(chat);
  for (const sub of stopped) {
    await ctx.api
      .sendMessage(sub.createdBy, ctx.t("sub-channel-stopped", { channel: names.name, ref: names.ref }), HTML)
      .catch((err) => ctx.deps.log.warn("could not tell the subscriber", { chat: sub.createdBy, error: String(err) }));
  }
});

// A group upgraded to a supergroup gets a new id; Telegram says so in both chats, and either
// message alone is enough to move its subscriptions and choices (moving twice is a no-op).
async function migrateChat(ctx: ParleyContext, from: number, to: number) {
  const moved = await moveChat(ctx.deps, from, to);
  if (moved) ctx.deps.log.info("subscriptions moved to the supergroup", { from, to, moved });
}

subscriptions.on("message:migrate_to_chat_id", (ctx) => migrateChat(ctx, ctx.chat.id, ctx.msg.migrate_to_chat_id));
subscriptions.on("message:migrate_from_chat_id", (ctx) => migrateChat(ctx, ctx.msg.migrate_from_chat_id, ctx.chat.id));
