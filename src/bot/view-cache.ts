// Rendered answers kept for the record version and the minute they were made in. Readers ask
// for the same page (/latest, /next) in the same language and zone far more often than the
// record changes: after a digest, thousands ask within seconds. Rendering (entries read, dates
// and countdowns formatted per language) is most of what such an answer costs Parley itself,
// so each is rendered once per record, minute, language, zone and kind of chat. A countdown is
// at most a minute old; a reload (a new record object) starts afresh.
import type { InlineKeyboard } from "grammy";
import type { ParleyContext } from "./context.ts";

/** An answer as the handlers send it: one page (edited in place by paging buttons) or several blocks. */
export interface View {
  blocks: string[];
  keyboard?: InlineKeyboard;
  /** One message that a paging button may edit in place. */
  page: boolean;
}

/** At most this many views per record and minute (languages × zones × pages); past it, start afresh. */
const MAX_VIEWS = 1000;

interface Views {
  minute: number;
  byKey: Map<string, View>;
}

const byRecord = new WeakMap<object, Views>();

/**
 * The view `name` (its arguments included) for this reader, from the cache or from `render`.
 * A view must depend only on the record, the reader (language, zone, now to the minute), the
 * kind of chat and `name`; never on who asks.
 */
export function cachedView(ctx: ParleyContext, record: object, name: string, render: () => View): View {
  const minute = Math.floor(ctx.reader.now.getTime() / 60_000);
  let views = byRecord.get(record);
  if (!views || views.minute !== minute) {
    views = { minute, byKey: new Map() };
    byRecord.set(record, views);
  }
  // The kind of chat: the timeline button is a Mini App in private chats, a link elsewhere.
  const key = `${ctx.reader.lang}|${ctx.reader.zone}|${ctx.chat?.type === "private" ? "p" : "g"}|${name}`;
  let view = views.byKey.get(key);
  if (!view) {
    view = render();
    if (views.byKey.size >= MAX_VIEWS) views.byKey.clear();
    views.byKey.set(key, view);
  }
  return view;
}
