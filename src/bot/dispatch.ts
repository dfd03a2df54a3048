// The dispatch: from an update to its handler in as few middleware layers as possible. Every
// layer an update passes stays suspended until the update is answered (an async frame each,
// on the heap), and under the runner hundreds of updates are in flight during a burst. So the
// route table is mounted as one command filter and one callback-query layer, each with a
// lookup, instead of one filter per command and per button; plugins run only for the updates
// that need them: the editorial desk for editors' private chats, the settings menu for
// /settings and its buttons.
import { Composer, type MiddlewareFn } from "grammy";
import { buttonKind } from "../present/callbacks.ts";
import { registerEditorMenu } from "./commands.ts";
import type { ParleyContext } from "./context.ts";
import { editorReport } from "./features/drafts/reports.ts";
import { expiredButton, unhandledText } from "./features/fallback.ts";
import { inlineQuery } from "./features/inline.ts";
import { chatMigrated, membershipChanged } from "./features/subscriptions/membership.ts";
import { isEditor } from "./permissions.ts";
import { BUTTONS, COMMANDS, type CommandRoute, type Place } from "./routes.ts";

const COMMAND_ROUTES = new Map(COMMANDS.map((r) => [r.command, r]));
const BUTTON_ROUTES = new Map(BUTTONS.map((r) => [r.kind, r]));

function placeOf(ctx: ParleyContext): Place | undefined {
  switch (ctx.chat?.type) {
    case "private":
      return "private";
    case "group":
    case "supergroup":
      return "groups";
    case "channel":
      return "channels";
  }
}

/** The command's name as the table knows it: "/latest@parley_bot 3" → "latest". */
function commandName(text: string): string {
  return text.slice(1).split(/[\s@]/, 1)[0];
}

/** Refusals for the editors' commands: in a group only when addressed by name, as another bot may own them there. */
async function refuseEditorsCommand(ctx: ParleyContext, text: string, next: () => Promise<void>) {
  if (ctx.chat?.type !== "private" && !text.split(/\s/)[0].includes("@")) return next();
  await ctx.reply(ctx.t(isEditor(ctx) ? "editorial-private-only" : "editorial-admins-only"));
}

const runCommand: MiddlewareFn<ParleyContext> = async (ctx, next) => {
  const text = ctx.msg!.text!;
  const route: CommandRoute | undefined = COMMAND_ROUTES.get(commandName(text));
  const place = placeOf(ctx);
  if (!route || !place) return next();
  if (route.who === "editors" && !(place === "private" && isEditor(ctx))) return refuseEditorsCommand(ctx, text, next);
  if (!route.where.includes(place)) return next();
  return route.run(ctx, typeof ctx.match === "string" ? ctx.match.trim() : "");
};

const runButton: MiddlewareFn<ParleyContext> = (ctx) => {
  const data = ctx.callbackQuery!.data!;
  const route = BUTTON_ROUTES.get(buttonKind(data));
  return route ? route.run(ctx, data) : expiredButton(ctx);
};

export interface DispatchOptions {
  /** The editorial desk (the conversations plugin), run for editors' private chats only. */
  desk: MiddlewareFn<ParleyContext>;
}

export function dispatch(opts: DispatchOptions): Composer<ParleyContext> {
  const routes = new Composer<ParleyContext>();
  // The desk first: mid-conversation, an editor's messages are answers to its questions, not
  // commands for the table.
  routes.filter((ctx) => ctx.chat?.type === "private" && isEditor(ctx), editorMenuOnFirstContact(), opts.desk);
  routes.command(
    COMMANDS.map((r) => r.command),
    runCommand,
  );
  routes.on("callback_query:data", runButton);
  routes.use(unrouted);
  return routes;
}

/**
 * The few updates that are neither commands nor buttons, in one layer rather than one each:
 * in grammY every layer of a composer is on the path of every update that reaches it, even of
 * those a layer before it answers.
 */
const unrouted: MiddlewareFn<ParleyContext> = async (ctx) => {
  if (ctx.has("inline_query")) return inlineQuery(ctx);
  if (ctx.has("my_chat_member")) return membershipChanged(ctx);
  if (ctx.has(["message:migrate_to_chat_id", "message:migrate_from_chat_id"])) return chatMigrated(ctx);
  // An editor's forwarded post, link or pasted article becomes a draft (drafts/reports.ts).
  if (ctx.has(["message:text", "message:caption"]) && ctx.chat.type === "private" && isEditor(ctx) && (await editorReport(ctx))) return;
  if (ctx.has("message:text")) return unhandledText(ctx, ctx.msg.text);
};

/**
 * An editor who had never opened a chat with the bot has no chat to scope a menu to at
 * start-up ("chat not found"): their menu is registered when they first write, once per run.
 */
function editorMenuOnFirstContact(): MiddlewareFn<ParleyContext> {
  const done = new Set<number>();
  return (ctx, next) => {
    const editor = ctx.from!.id;
    // Drafts reach editors unasked: in the language their Telegram last showed.
    if (ctx.deps.drafts) void ctx.deps.drafts.store.rememberLanguage(editor, ctx.from!.language_code).catch(() => undefined);
    if (!done.has(editor)) {
      done.add(editor);
      // Not awaited: the editor's answer does not wait for their menu.
      void registerEditorMenu(ctx.api, ctx.i18n.fluent, editor).catch((err) => {
        done.delete(editor);
        ctx.deps.log.warn("could not register an editor's command menu", { editor, error: String(err) });
      });
    }
    return next();
  };
}
