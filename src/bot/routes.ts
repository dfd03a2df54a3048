// The route table: every command and button the bot answers, declared once. A command says who
// may use it, where, what runs, and how the menus and /help describe it; the menus registered
// with setMyCommands (commands.ts), /help and the dispatch (dispatch.ts) are all read from here.
// A button is routed on its kind (present/callbacks.ts), which the same codec wrote.
import { escapeHtml } from "../present/html.ts";
import { calendarButton, draftButton, draftsPage, eventButton, latestPage, nextPage, shortcutButton, trackPage, langButton, type ButtonCodec, type Shortcut } from "../present/callbacks.ts";
import type { ParleyContext } from "./context.ts";
import { eventCommand, latestButton, latestCommand, latestPageButton, nextButton, nextCommand, nextPageButton, showEvent, trackCommand, trackPageButton, tracksCommand } from "./features/browse.ts";
import { calendarFileButton } from "./features/calendar.ts";
import { addCommand, cancelCommand, updateCommand } from "./features/editorial/desk.ts";
import { historyCommand } from "./features/editorial/history.ts";
import { draftButtonPressed, draftsCommand, draftsPageButton } from "./features/drafts/drafts.ts";
import { expiredButton } from "./features/fallback.ts";
import { langChoiceButton, langCommand, tzCommand } from "./features/preferences.ts";
import { settingsCommand, settingsMenu } from "./features/subscriptions/settings.ts";
import { SETTINGS_MENU_IDS } from "./features/subscriptions/settings-text.ts";
import { subscribeButton, subscribeCommand, unsubscribeCommand } from "./features/subscriptions/subscribe.ts";
import { timelineCommand } from "./features/timeline.ts";
import { startCommand } from "./features/welcome.ts";
import { isEditor } from "./permissions.ts";

/**
 * Who may use a command. "group-admins": anyone may look, but in a group only its
 * administrators change what the command changes (the handler asks permissions.ts once the
 * arguments are understood). "editors": the editors in ADMIN_IDS; the dispatch refuses anyone
 * else before the handler runs.
 */
export type Audience = "anyone" | "group-admins" | "editors";
/** Where a command is answered: private chats, groups (and their topics), channel posts. */
export type Place = "private" | "groups" | "channels";

export interface CommandRoute {
  /** Without the slash, as typed and as registered in the menus. */
  command: string;
  who: Audience;
  where: readonly Place[];
  /** What it takes, shown after it in /help: "[N]", "<id>" (plain text, language-neutral). */
  usage?: string;
  /** Locale keys: the command menu's description, and the rest of its /help line. */
  menu: string;
  help: string;
  /** `args`: the text after the command, trimmed. */
  run(ctx: ParleyContext, args: string): Promise<unknown>;
}

export interface ButtonRoute {
  /** The kind its callback data starts with (buttonKind). */
  kind: string;
  run(ctx: ParleyContext, data: string): Promise<unknown>;
}

const EVERYWHERE: readonly Place[] = ["private", "groups", "channels"];
const CHATS: readonly Place[] = ["private", "groups"];
const PRIVATE: readonly Place[] = ["private"];

/** In menu order: what readers use most comes first. */
export const COMMANDS: readonly CommandRoute[] = [
  { command: "latest", who: "anyone", where: EVERYWHERE, usage: "[N]", menu: "cmd-latest", help: "help-latest", run: latestCommand },
  { command: "next", who: "anyone", where: EVERYWHERE, menu: "cmd-next", help: "help-next", run: nextCommand },
  { command: "event", who: "anyone", where: EVERYWHERE, usage: "<id>", menu: "cmd-event", help: "help-event", run: eventCommand },
  { command: "tracks", who: "anyone", where: EVERYWHERE, menu: "cmd-tracks", help: "help-tracks", run: tracksCommand },
  { command: "track", who: "anyone", where: EVERYWHERE, usage: "<id>", menu: "cmd-track", help: "help-track", run: trackCommand },
  { command: "timeline", who: "anyone", where: EVERYWHERE, usage: "[id]", menu: "cmd-timeline", help: "help-timeline", run: timelineCommand },
  { command: "subscribe", who: "group-admins", where: CHATS, usage: "[@channel]", menu: "cmd-subscribe", help: "help-subscribe", run: subscribeCommand },
  { command: "unsubscribe", who: "group-admins", where: CHATS, usage: "[@channel]", menu: "cmd-unsubscribe", help: "help-unsubscribe", run: unsubscribeCommand },
  // The menu plugin renders the settings into the reply: its middleware runs around the command.
  { command: "settings", who: "group-admins", where: CHATS, usage: "[@channel]", menu: "cmd-settings", help: "help-settings", run: async (ctx, args) => settingsMenu(ctx, () => settingsCommand(ctx, args)) },
  { command: "lang", who: "group-admins", where: EVERYWHERE, usage: "en|ru|uk", menu: "cmd-lang", help: "help-lang", run: langCommand },
  { command: "tz", who: "group-admins", where: EVERYWHERE, usage: "Europe/Kyiv", menu: "cmd-tz", help: "help-tz", run: tzCommand },
  { command: "help", who: "anyone", where: EVERYWHERE, menu: "cmd-help", help: "help-help", run: (ctx) => showHelp(ctx) },
  { command: "start", who: "anyone", where: EVERYWHERE, menu: "cmd-start", help: "help-start", run: startCommand },
  { command: "add", who: "editors", where: PRIVATE, menu: "cmd-add", help: "help-add", run: addCommand },
  { command: "update", who: "editors", where: PRIVATE, usage: "<id>", menu: "cmd-update", help: "help-update", run: updateCommand },
  { command: "drafts", who: "editors", where: PRIVATE, menu: "cmd-drafts", help: "help-drafts", run: draftsCommand },
  { command: "history", who: "editors", where: PRIVATE, usage: "<id>", menu: "cmd-history", help: "help-history", run: historyCommand },
  { command: "cancel", who: "editors", where: PRIVATE, menu: "cmd-cancel", help: "help-cancel", run: cancelCommand },
];

/** A button route from its codec: data the codec cannot read is an expired button. */
function button<T>(codec: ButtonCodec<T>, handle: (ctx: ParleyContext, value: T) => Promise<unknown>): ButtonRoute {
  return {
    kind: codec.kind,
    run: (ctx, data) => {
      const value = codec.parse(data);
      return value === undefined ? expiredButton(ctx) : handle(ctx, value);
    },
  };
}

const SHORTCUTS: Record<Shortcut, (ctx: ParleyContext) => Promise<unknown>> = {
  latest: latestButton,
  next: nextButton,
  subscribe: subscribeButton,
};

/**
 * The desk's own buttons ("ed:…") are not here: a waiting conversation takes them before the
 * dispatch; one that reaches the table belongs to no conversation and has expired.
 */
export const BUTTONS: readonly ButtonRoute[] = [
  button(eventButton, showEvent),
  button(calendarButton, calendarFileButton),
  button(latestPage, latestPageButton),
  button(nextPage, nextPageButton),
  button(trackPage, trackPageButton),
  button(shortcutButton, (ctx, shortcut) => SHORTCUTS[shortcut](ctx)),
  button(langButton, langChoiceButton),
  button(draftButton, draftButtonPressed),
  button(draftsPage, draftsPageButton),
  // The settings menu writes and reads its own data ("s-t/0/1/…"); what it does not know has expired.
  ...SETTINGS_MENU_IDS.map((kind): ButtonRoute => ({ kind, run: async (ctx) => settingsMenu(ctx, () => expiredButton(ctx)) })),
];

/** The commands this audience sees in its menu and in /help: the public ones, and the editors' for editors. */
export function commandsFor(editor: boolean): readonly CommandRoute[] {
  return editor ? COMMANDS : COMMANDS.filter((r) => r.who !== "editors");
}

/** /help: every command the reader may use here, one line each, from the table. */
async function showHelp(ctx: ParleyContext) {
  const editor = ctx.chat?.type === "private" && isEditor(ctx);
  const lines = commandsFor(editor).map((r) => `/${r.command}${r.usage ? ` ${escapeHtml(r.usage)}` : ""} — ${ctx.t(r.help)}`);
  await ctx.reply([`<b>${escapeHtml(ctx.t("help-title"))}</b>`, ...lines].join("\n"));
}
