// The editorial desk: /add, /update and /cancel for the editors in ADMIN_IDS, in their private
// chats only (a conversation takes every message of its chat; in a group those would be other
// people's). The route table says who may use them; this file mounts the conversations.
//
// /add and /update are conversations of grammY's conversations plugin, kept in the store
// (state/conversations.json), so a restart continues at the same question. The plugin must see
// every update of an editor's private chat (an answer can be any message), and nothing else:
// the dispatch runs deskMiddleware for those updates only.
import { conversations, createConversation, type ConversationFlavor } from "@grammyjs/conversations";
import { Composer, type Middleware, type MiddlewareFn } from "grammy";
import { escapeHtml } from "../../../present/html.ts";
import type { ConversationStore } from "../../../store/conversations.ts";
import type { ParleyContext } from "../../context.ts";
import { addEntry } from "./add.ts";
import { updateEntry } from "./update.ts";

type Desk = ConversationFlavor<ParleyContext>;

/** Bump when the conversations change shape: states saved by older code are then dropped. */
const STATE_VERSION = 1;
/** An editor who walks away mid-conversation gets their chat back after a day. */
const MAX_WAIT_MS = 24 * 60 * 60 * 1000;

export interface DeskOptions {
  /** What a conversation's context needs that the bot's gets from earlier middleware: deps, i18n, reader, HTML. */
  plugins: Middleware<ParleyContext>[];
  /** Where unfinished conversations are kept; in memory when absent. */
  storage?: ConversationStore;
}

/** The conversations plugin and the two conversations; what they do not take goes on to `next`. */
export function deskMiddleware(opts: DeskOptions): MiddlewareFn<ParleyContext> {
  const desk = new Composer<Desk>(
    conversations<ParleyContext, ParleyContext>({
      storage: opts.storage ? { type: "key", version: STATE_VERSION, adapter: opts.storage } : undefined,
      plugins: opts.plugins,
    }),
    createConversation<ParleyContext, ParleyContext>(addEntry, { id: "add", maxMillisecondsToWait: MAX_WAIT_MS }),
    createConversation<ParleyContext, ParleyContext>(updateEntry, { id: "update", maxMillisecondsToWait: MAX_WAIT_MS }),
  );
  // The plugin's context flavour (ctx.conversation) exists only past its middleware: the cast
  // is where the desk's context type meets the bot's.
  const run = desk.middleware() as unknown as MiddlewareFn<ParleyContext>;
  const storage = opts.storage;
  // flush() on shutdown waits for updates under way, so their states reach the disk.
  return storage ? (ctx, next) => storage.during(async () => run(ctx, next)) : run;
}

/** ctx.conversation: the desk's middleware ran before any editors' command (see dispatch.ts). */
function desk(ctx: ParleyContext): Desk {
  return ctx as Desk;
}

/** /add */
export async function addCommand(ctx: ParleyContext) {
  await desk(ctx).conversation.enter("add");
}

/** /update <id> */
export async function updateCommand(ctx: ParleyContext, arg: string) {
  const id = arg.toLowerCase();
  if (!id) return void (await ctx.reply(ctx.t("editorial-update-usage")));
  if (!ctx.deps.record().byId.has(id)) return void (await ctx.reply(ctx.t("event-not-found", { id: escapeHtml(id.slice(0, 60)) })));
  await desk(ctx).conversation.enter("update", id);
}

/** /cancel outside a conversation (inside one, the conversation answers it). */
export async function cancelCommand(ctx: ParleyContext) {
  await ctx.reply(ctx.t("editorial-nothing-to-cancel"));
}
