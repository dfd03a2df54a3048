// Telegram's limits and HTML, in one place. Every reply and digest is built from "blocks":
// self-contained HTML fragments (no tag spans two blocks), so a long answer can be split
// between blocks without ever breaking markup.

/** Telegram's documented limits (Bot API: sendMessage, InlineKeyboardButton). */
export const LIMITS = {
  /** Message text, counted after entity parsing; we count the HTML source, which is longer, so we stay safe. */
  messageText: 4096,
  /** callback_data of an inline button, in bytes. */
  callbackData: 64,
  /** answerCallbackQuery text. */
  callbackAnswer: 200,
  /** A button's label: Telegram has no hard figure; long labels are cut on screen anyway. */
  buttonText: 60,
} as const;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** The one HTML escaper: every piece of data goes through it before it reaches a reply. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

/** Cuts plain text to at most `max` characters, on a word boundary where one is near. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** A link, or just the escaped label when there is no usable URL. */
export function link(label: string, url?: string): string {
  if (!url || !/^https?:\/\//.test(url)) return escapeHtml(label);
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}

/**
 * Packs blocks into messages of at most `limit` characters, joined by `separator`. A block
 * that alone is too long is cut at line ends (each line of a block is closed HTML too).
 */
export function packMessages(blocks: string[], limit: number = LIMITS.messageText, separator = "\n\n"): string[] {
  const pieces: string[] = [];
  for (const block of blocks) {
    if (block.length <= limit) pieces.push(block);
    else pieces.push(...splitLines(block, limit));
  }
  const messages: string[] = [];
  let current = "";
  for (const piece of pieces) {
    if (!current) current = piece;
    else if (current.length + separator.length + piece.length <= limit) current += separator + piece;
    else {
      messages.push(current);
      current = piece;
    }
  }
  if (current) messages.push(current);
  return messages;
}

function splitLines(block: string, limit: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const rawLine of block.split("\n")) {
    // A single line beyond the limit can only be plain text gone wild: strip its tags and cut.
    const line = rawLine.length > limit ? escapeHtml(truncate(plainText(rawLine), limit - 100)) : rawLine;
    if (!current) current = line;
    else if (current.length + 1 + line.length <= limit) current += "\n" + line;
    else {
      out.push(current);
      current = line;
    }
  }
  if (current) out.push(current);
  return out;
}

/** What a reader sees of an HTML fragment: tags dropped, entities decoded (button answers, the console). */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
