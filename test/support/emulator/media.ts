// Files and inline mode in the emulated Bot API: multipart/form-data uploads (as grammY sends an
// InputFile: the field holds "attach://<id>", the part <id> holds the bytes), sendDocument and
// sendPhoto with Telegram's size and photo-dimension limits, and answerInlineQuery with the
// checks Telegram makes of the results. The method table (methods.ts) lends the chat helpers.
import type { ChatState, TgMessage } from "./chats.ts";
import { asBool, asInt, asJson, asString, badRequest, TelegramError } from "./wire.ts";

/** An uploaded file, as the method sees it in its parameters. */
export interface UploadedFile {
  filename: string;
  data: Buffer;
}

export function isUpload(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && Buffer.isBuffer((value as UploadedFile).data);
}

/** multipart/form-data → params; a field "attach://<id>" is replaced by the file in part <id>. */
export function parseMultipart(contentType: string, body: Buffer): Record<string, unknown> {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (!boundary) throw new Error("multipart without a boundary");
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, string> = {};
  const files = new Map<string, UploadedFile>();
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    let start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    start += 2; // CRLF after the delimiter
    const next = body.indexOf(delimiter, start);
    if (next === -1) throw new Error("multipart part without an end");
    const part = body.subarray(start, next - 2); // CRLF before the next delimiter
    const split = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, split).toString("utf8");
    const data = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) throw new Error("multipart part without a name");
    const filename = /filename="?([^"\r\n;]*)"?/i.exec(head)?.[1];
    if (filename !== undefined) files.set(name, { filename, data: Buffer.from(data) });
    else fields[name] = data.toString("utf8");
    at = next;
  }
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    const attached = /^attach:\/\/(.+)$/.exec(v);
    params[k] = attached ? files.get(attached[1]) : v;
  }
  return params;
}

/** What the media methods borrow from the method table. */
export interface MediaHost {
  resolveChat(chatId: unknown): ChatState;
  checkWriteAccess(chat: ChatState): void;
  /** Validates reply_markup and returns the inline keyboard to attach, if any. */
  inlineMarkup(value: unknown): unknown;
  /** Validates text with its parse_mode (Telegram's HTML rules) and returns what the user sees. */
  formatText(text: unknown, parseMode: unknown): { plain: string; entities: unknown[] };
  storeMessage(chat: ChatState, fields: Record<string, unknown>): TgMessage;
  onChange(): void;
}

/** One accepted answerInlineQuery. */
export interface InlineAnswer {
  inline_query_id: string;
  results: any[];
  cache_time?: number;
  is_personal?: boolean;
  next_offset?: string;
  button?: { text: string; start_parameter?: string };
}

const MB = 1024 * 1024;
const CAPTION_MAX = 1024;
const QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export class Media {
  /** Files Telegram holds, by file_id: sending a file_id again sends the same file. */
  readonly files = new Map<string, UploadedFile>();
  /** Inline queries sent to the bot, by id: each may be answered once. */
  readonly inlineQueries = new Map<string, { answered: boolean }>();
  readonly inlineAnswers: InlineAnswer[] = [];
  private nextFile = 1;

  constructor(private readonly host: MediaHost) {}

  readonly methods = {
    sendDocument: (p: Record<string, any>) => this.send(p, "document"),
    sendPhoto: (p: Record<string, any>) => this.send(p, "photo"),
    answerInlineQuery: (p: Record<string, any>) => this.answerInlineQuery(p),
  };

  /** The file a parameter names: an upload, or the file_id of one. */
  private file(value: unknown, field: string): UploadedFile {
    if (isUpload(value)) return value;
    const id = asString(value);
    if (!id) throw badRequest(`there is no ${field} in the request`);
    const known = this.files.get(id);
    // URLs are not fetched here: Parley uploads or reuses file_ids.
    if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
    return known;
  }

  private send(p: Record<string, any>, kind: "document" | "photo"): TgMessage {
    const chat = this.host.resolveChat(p.chat_id);
    const file = this.file(p[kind], kind);
    const fields: Record<string, unknown> = {};
    if (p.caption !== undefined) {
      const { plain, entities } = this.host.formatText(p.caption, p.parse_mode);
      if (plain.length > CAPTION_MAX) throw badRequest("message caption is too long");
      fields.caption = plain;
      if (entities.length) fields.caption_entities = entities;
    }
    const markup = this.host.inlineMarkup(p.reply_markup);
    this.host.checkWriteAccess(chat);
    const fileId = this.keep(file);
    if (kind === "document") {
      // Bots may upload documents of up to 50 MB.
      if (file.data.length > 50 * MB) throw new TelegramError(413, "Request Entity Too Large");
      fields.document = { file_id: fileId, file_unique_id: `u${fileId}`, file_name: file.filename, file_size: file.data.length };
    } else {
      // Photos: at most 10 MB, width + height at most 10000, sides at most 20:1.
      if (file.data.length > 10 * MB) throw badRequest("PHOTO_INVALID_DIMENSIONS");
      if (!file.data.subarray(0, 8).equals(PNG) && !(file.data[0] === 0xff && file.data[1] === 0xd8)) throw badRequest("IMAGE_PROCESS_FAILED");
      const { width, height } = file.data[0] === 0x89 ? { width: file.data.readUInt32BE(16), height: file.data.readUInt32BE(20) } : { width: 0, height: 0 };
      if (width + height > 10_000 || (height && Math.max(width / height, height / width) > 20)) throw badRequest("PHOTO_INVALID_DIMENSIONS");
      fields.photo = [{ file_id: fileId, file_unique_id: `u${fileId}`, width, height, file_size: file.data.length }];
    }
    if (markup) fields.reply_markup = markup;
    const msg = this.host.storeMessage(chat, fields);
    this.host.onChange();
    return msg;
  }

  private keep(file: UploadedFile): string {
    for (const [id, known] of this.files) if (known === file) return id;
    const id = `file${this.nextFile++}`;
    this.files.set(id, file);
    return id;
  }

  private answerInlineQuery(p: Record<string, any>): true {
    const id = asString(p.inline_query_id) ?? "";
    const query = this.inlineQueries.get(id);
    if (!query || query.answered) throw new TelegramError(400, QUERY_TOO_OLD);
    const results = asJson(p.results, "can't parse JSON encoded inline query results");
    if (!Array.isArray(results)) throw badRequest("can't parse JSON encoded inline query results");
    // At most 50 results, each with a unique id of 1–64 bytes.
    if (results.length > 50) throw badRequest("RESULTS_TOO_MUCH");
    const ids = new Set<string>();
    for (const r of results) {
      const rid = asString(r?.id) ?? "";
      if (Buffer.byteLength(rid) < 1 || Buffer.byteLength(rid) > 64) throw badRequest("RESULT_ID_INVALID");
      if (ids.has(rid)) throw badRequest("RESULT_ID_DUPLICATE");
      ids.add(rid);
      if (r.type !== "article") throw badRequest("unsupported inline query result type");
      if (typeof r.title !== "string" || r.title.trim() === "") throw badRequest("RESULT_TITLE_EMPTY");
      const content = r.input_message_content;
      if (!content || typeof content.message_text !== "string") throw badRequest("MESSAGE_EMPTY");
      this.host.formatText(content.message_text, content.parse_mode);
      if (r.reply_markup !== undefined) this.host.inlineMarkup(r.reply_markup);
    }
    const nextOffset = asString(p.next_offset);
    if (nextOffset !== undefined && Buffer.byteLength(nextOffset) > 64) throw badRequest("NEXT_OFFSET_INVALID");
    const button = asJson(p.button, "can't parse inline query results button");
    if (button !== undefined && button.start_parameter !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(button.start_parameter)) {
      throw badRequest("START_PARAM_INVALID");
    }
    query.answered = true;
    const answer: InlineAnswer = { inline_query_id: id, results };
    if (p.cache_time !== undefined) answer.cache_time = asInt(p.cache_time, "cache_time");
    if (p.is_personal !== undefined) answer.is_personal = asBool(p.is_personal);
    if (nextOffset !== undefined) answer.next_offset = nextOffset;
    if (button !== undefined) answer.button = button;
    this.inlineAnswers.push(answer);
    this.host.onChange();
    return true;
  }
}
