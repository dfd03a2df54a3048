// /settings: what a subscription gets and when, as an inline menu (@grammyjs/menu) whose every
// press saves and re-renders the message. The menu owns its buttons' data ("s/…", "s-t/…"):
// the dispatch hands those, and /settings, to its middleware (settingsMenu) and nothing else.
import { Menu, type MenuFlavor } from "@grammyjs/menu";
import { GrammyError, type MiddlewareFn } from "grammy";
import { truncate } from "../../../present/html.ts";
import { localizedPlain } from "../../../present/translate.ts";
import { KINDS, type Kind } from "../../../record/schema.ts";
import type { Subscription } from "../../../store/subscription-types.ts";
import type { ParleyContext } from "../../context.ts";
import { hh, SECTION_OF_MENU, SECTIONS, settingsText, type Section, type View } from "./settings-text.ts";
import { subscribe } from "./subscribe.ts";
import { about, channelById, checkChannel, commandTarget, mayManage, plain, refusal, targetOfChat } from "./targets.ts";

type SettingsContext = ParleyContext & MenuFlavor;

const TRACKS_PAGE = 12;

/** The view an update works on: set by the command, or read back from a pressed button. */
const views = new WeakMap<object, View>();

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
  const target = channelId !== undefined ? await channelById(ctx, channelId) : targetOfChat(ctx);
  if (!target) return undefined;
  const view = { target, page: payload?.[2] ? Number(payload[2]) : 0 };
  views.set(ctx, view);
  return view;
}

/** Shows a section: the menu's buttons and the message text, both from the saved state. */
async function show(ctx: SettingsContext, section: Section) {
  const view = await viewOf(ctx);
  if (!view) return;
  ctx.menu.nav(SECTIONS[section].menu);
  try {
    // The menu plugin puts the (re-rendered) menu on this edit of the menu's own message.
    await ctx.editMessageText(settingsText(ctx, view, section));
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
      await ctx.reply(check.reply);
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

/** The menu's middleware: renders it into replies, and handles its buttons' presses. */
export const settingsMenu: MiddlewareFn<ParleyContext> = (mainMenu as unknown as Menu<ParleyContext>).middleware();

/** /settings [@channel]: anyone may look at a group's settings; the buttons check who presses them. */
export async function settingsCommand(ctx: ParleyContext, arg: string) {
  const target = await commandTarget(ctx, arg, "manage", false);
  if (!target) return;
  const view = { target, page: 0 };
  views.set(ctx, view);
  await ctx.reply(settingsText(ctx, view, "main"), { reply_markup: mainMenu });
}
