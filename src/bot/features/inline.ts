// Inline mode: "@<bot> istanbul" in any chat lists the matching entries; choosing one posts its
// card with a link to its page. The search index (share/search.ts) is built once per record
// version, in slices, so a reload never stalls the bot.
import { InlineKeyboard } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { entryUrl } from "../../calendar/ics.ts";
import { formatEntryDate } from "../../present/dates.ts";
import { entryItem } from "../../present/entries.ts";
import { escapeHtml, truncate } from "../../present/html.ts";
import { localizedPlain } from "../../present/translate.ts";
import { upcoming, type RecordView } from "../../record/record.ts";
import type { Entry } from "../../record/schema.ts";
import { SearchIndexBuilder, searchEntries, type SearchIndex } from "../../share/search.ts";
import type { ParleyContext } from "../context.ts";
import { readerToday } from "../reader.ts";

/** Results a page: Telegram shows at most 50 per answer; a screenful is enough. */
const PAGE = 20;
/**
 * Seconds Telegram may serve an answer again without asking. Results are not personal (the
 * same query gives the same entries to everyone, which lets Telegram share the cache), but
 * they are worded in the asker's language, so the time is short: a reader of another language
 * sees the first asker's wording for at most this long.
 */
const CACHE_SECONDS = 60;
/** Entries indexed between two yields to the event loop while an index is built. */
const SLICE = 500;

const indexes = new WeakMap<RecordView, Promise<SearchIndex>>();
const built = new WeakMap<RecordView, SearchIndex>();
/** The newest index finished, for answering while a reloaded record's index is being built. */
let lastBuilt: SearchIndex | undefined;

/**
 * The record's search index, built on the first inline query (a bot whose users never use inline
 * mode never pays for it: at 100,000 entries it reads every entry, seconds of work and tens of
 * megabytes); a reloaded record is a new RecordView, so a new index.
 */
export function searchIndexFor(record: RecordView): Promise<SearchIndex> {
  let index = indexes.get(record);
  if (!index) {
    index = buildIndex(record).then((done) => {
      built.set(record, done);
      lastBuilt = done;
      return done;
    });
    indexes.set(record, index);
  }
  return index;
}

/**
 * The index to answer from now: the record's own when built; until then the previous record's
 * (one reload behind, for a few seconds at 100,000 entries; ids no longer in the record are
 * dropped from the results), so that no query waits for a rebuild except the very first.
 */
function indexNow(record: RecordView): Promise<SearchIndex> {
  const pending = searchIndexFor(record);
  const ready = built.get(record) ?? lastBuilt;
  return ready ? Promise.resolve(ready) : pending;
}

async function buildIndex(record: RecordView): Promise<SearchIndex> {
  const builder = new SearchIndexBuilder(record.tracks);
  // Undated first, then dated oldest first: later entries rank higher, so results come newest
  // first with the undated last.
  const refs = [...record.undated, ...record.chrono];
  for (let i = 0; i < refs.length; i++) {
    if (i > 0 && i % SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    builder.add(record.entry(refs[i]));
  }
  return builder.finish();
}

function article(ctx: ParleyContext, e: Entry): InlineQueryResultArticle {
  const { reader, t } = ctx;
  const url = entryUrl(ctx.deps.publicUrl, e.id);
  const card = entryItem(e, reader) + (url ? `\n🌐 <a href="${escapeHtml(url)}">${escapeHtml(t("inline-page"))}</a>` : "");
  const description = [formatEntryDate(e, reader.lang, t), t(`kind-${e.kind}`), t(`status-${e.status}`)].join(" · ");
  return {
    type: "article",
    id: e.id,
    title: truncate(localizedPlain(e.title, reader.lang), 100),
    description: truncate(description, 200),
    input_message_content: { message_text: card, parse_mode: "HTML", link_preview_options: { is_disabled: true } },
    ...(url ? { url, reply_markup: new InlineKeyboard().url(t("btn-open-page"), url) } : {}),
  };
}

/** An inline query: matching entries, or with nothing typed what is coming next. */
export async function inlineQuery(ctx: ParleyContext) {
  const query = ctx.inlineQuery!.query.trim();
  const record = ctx.deps.record();
  const offset = Number(/^\d{1,7}$/.test(ctx.inlineQuery!.offset) ? ctx.inlineQuery!.offset : 0);
  let found: { ids: string[]; more: boolean };
  if (query) found = searchEntries(await indexNow(record), query, PAGE, offset);
  else {
    const coming = upcoming(record, readerToday(ctx), offset, PAGE);
    found = { ids: [...coming.dated, ...coming.undated].map((ref) => ref.id), more: coming.hasMore };
  }
  const { ids, more } = found;
  const results = ids.map((id) => record.find(id)).filter((e): e is Entry => e !== undefined).map((e) => article(ctx, e));
  await ctx.answerInlineQuery(results, {
    cache_time: CACHE_SECONDS,
    is_personal: false,
    next_offset: more ? String(offset + ids.length) : "",
    // Nothing matched: a hint in the place of the results, which opens a chat with the bot.
    ...(results.length === 0 && offset === 0 ? { button: { text: ctx.t("inline-nothing"), start_parameter: "inline" } } : {}),
  });
}
