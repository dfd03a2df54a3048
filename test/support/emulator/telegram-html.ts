// Telegram's HTML parse mode, as the server applies it to a message's text: the tags it knows,
// the entities it decodes, the errors it answers with (tdlib's `parse_html`). The emulator
// checks every reply through this, so a reply Telegram would refuse fails the test that sent it.

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}


/** Thrown by parseTelegramHtml; `reason` already ends with "at byte offset N" where Telegram says so. */
export class HtmlParseError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const HTML_TAGS = new Set([
  "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
  "span", "tg-spoiler", "code", "pre", "blockquote", "tg-emoji",
]);

const TAG_ENTITY: Record<string, string> = {
  b: "bold", strong: "bold",
  i: "italic", em: "italic",
  u: "underline", ins: "underline",
  s: "strikethrough", strike: "strikethrough", del: "strikethrough",
  span: "spoiler", "tg-spoiler": "spoiler",
  code: "code", pre: "pre",
  a: "text_link", "tg-emoji": "custom_emoji", blockquote: "blockquote",
};

// Telegram's is_space(): the NUL byte counts too (it ends the C string).
const isHtmlSpace = (c: string | undefined) =>
  c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\v" || c === "\0";

/**
 * Decodes an HTML character reference at `pos` the way Telegram does: only
 * &lt; &gt; &amp; &quot; (case-sensitive) and numeric &#NN; / &#xHH; are
 * recognised, the trailing ";" is optional. Returns null if there is none.
 */
function decodeHtmlEntity(s: string, pos: number): { ch: string; end: number } | null {
  if (s[pos] !== "&") return null;
  let end = pos + 1;
  let code: number;
  if (s[end] === "#") {
    end++;
    let value = 0;
    if (s[end] === "x" || s[end] === "X") {
      end++;
      while (end < s.length && /[0-9a-fA-F]/.test(s[end]!)) {
        value = value * 16 + parseInt(s[end++]!, 16);
        if (value >= 0x10ffff) return null;
      }
    } else {
      while (end < s.length && /[0-9]/.test(s[end]!)) {
        value = value * 10 + Number(s[end++]);
        if (value >= 0x10ffff) return null;
      }
    }
    if (value === 0 || end - pos >= 10) return null;
    code = value;
  } else {
    while (end < s.length && /[A-Za-z]/.test(s[end]!)) end++;
    const name = s.slice(pos + 1, end);
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
    if (!(name in named)) return null;
    code = named[name]!.codePointAt(0)!;
  }
  if (s[end] === ";") end++;
  return { ch: String.fromCodePoint(code), end };
}

/**
 * Parses text in Telegram's HTML parse mode into plain text + entities
 * (offsets/lengths in UTF-16 code units, as the Bot API reports them).
 *
 * Follows the server's parser (tdlib `parse_html`): supported tags only, tag
 * names case-insensitive, attributes quoted or bare, `</>` closes the innermost
 * tag, entities may nest but not overlap. Error reasons mirror Telegram's and
 * carry the UTF-8 byte offset of the offending "<" or "&".
 */
export function parseTelegramHtml(
  input: string,
  opts: { strict?: boolean } = {},
): { text: string; entities: MessageEntity[] } {
  const strict = opts.strict ?? true;
  const n = input.length;
  const byteAt = (i: number) => Buffer.byteLength(input.slice(0, i), "utf8");
  const fail = (reason: string): never => {
    throw new HtmlParseError(reason);
  };

  let out = "";
  const entities: (MessageEntity & { order: number })[] = [];
  const open: { tag: string; arg: string; start: number; hasHref: boolean }[] = [];
  let order = 0;

  for (let i = 0; i < n; i++) {
    const c = input[i]!;
    if (c === "&") {
      const decoded = decodeHtmlEntity(input, i);
      if (decoded) {
        out += decoded.ch;
        i = decoded.end - 1;
        continue;
      }
      // Telegram keeps an unrecognised "&..." literally. EMULATOR-STRICT: the docs
      // say every "&" that is not part of an entity must be written as &amp;.
      if (strict) fail(`Unescaped "&" or unsupported HTML entity at byte offset ${byteAt(i)}`);
      out += c;
      continue;
    }
    if (c !== "<") {
      // Plain text runs to the next tag or entity: taken in one piece, not character by character.
      let end = i + 1;
      while (end < n && input[end] !== "<" && input[end] !== "&") end++;
      out += input.slice(i, end);
      i = end - 1;
      continue;
    }

    const begin = i++;
    if (input[i] !== "/") {
      // ── start tag: name runs to the first space or ">" ──
      while (i < n && !isHtmlSpace(input[i]) && input[i] !== ">") i++;
      if (i >= n) fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
      const tag = input.slice(begin + 1, i).toLowerCase();
      if (!HTML_TAGS.has(tag)) fail(`Unsupported start tag "${tag}" at byte offset ${byteAt(begin)}`);

      let arg = "";
      let hasHref = false;
      while (input[i] !== ">") {
        while (i < n && isHtmlSpace(input[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${byteAt(begin)}`);
        if (input[i] === ">") break;
        const nameStart = i;
        while (i < n && !isHtmlSpace(input[i]) && input[i] !== "=" && input[i] !== ">") i++;
        const attr = input.slice(nameStart, i).toLowerCase();
        if (!attr) fail(`Empty attribute name in the tag "${tag}" at byte offset ${byteAt(begin)}`);
        while (i < n && isHtmlSpace(input[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${byteAt(begin)}`);
        if (input[i] !== "=") {
          // The only value-less attribute Telegram understands: <blockquote expandable>.
          if (tag === "blockquote" && attr === "expandable") {
            arg = "expandable";
            continue;
          }
          fail(`Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${byteAt(begin)}`);
        }
        i++;
        while (i < n && isHtmlSpace(input[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${byteAt(begin)}`);
        let value = "";
        if (input[i] !== '"' && input[i] !== "'") {
          // An unquoted name token: letters, digits, "." and "-" (case-insensitive).
          const tokenStart = i;
          while (i < n && /[A-Za-z0-9.-]/.test(input[i]!)) i++;
          value = input.slice(tokenStart, i).toLowerCase();
          if (i < n && !isHtmlSpace(input[i]) && input[i] !== ">") {
            fail(`Unexpected end of name token at byte offset ${byteAt(tokenStart)}`);
          }
        } else {
          const quote = input[i++];
          while (i < n && input[i] !== quote) {
            const decoded = input[i] === "&" ? decodeHtmlEntity(input, i) : null;
            if (decoded) {
              value += decoded.ch;
              i = decoded.end;
            } else {
              value += input[i++];
            }
          }
          if (input[i] === quote) i++;
        }
        if (i >= n) fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
        if (tag === "a" && attr === "href") {
          arg = value;
          hasHref = true;
        } else if (tag === "code" && attr === "class" && value.startsWith("language-")) {
          arg = value.slice("language-".length);
        } else if (tag === "span" && attr === "class" && value.startsWith("tg-")) {
          arg = value.slice(3);
        } else if (tag === "tg-emoji" && attr === "emoji-id") {
          arg = value;
        } else if (tag === "blockquote" && attr === "expandable") {
          arg = "expandable";
        }
      }
      if (tag === "span" && arg !== "spoiler") {
        fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteAt(begin)}`);
      }
      if (tag === "tg-emoji" && !/^\d+$/.test(arg)) {
        fail(`Tag "tg-emoji" must have attribute "emoji-id" with a custom emoji identifier at byte offset ${byteAt(begin)}`);
      }
      // Telegram turns <a> without href into a link to its own text. EMULATOR-STRICT: href required.
      if (strict && tag === "a" && !hasHref) fail(`Tag "a" must have attribute "href" at byte offset ${byteAt(begin)}`);
      open.push({ tag, arg, start: out.length, hasHref });
    } else {
      // ── end tag ──
      if (open.length === 0) fail(`Unexpected end tag at byte offset ${byteAt(begin)}`);
      i++;
      const nameStart = i;
      while (i < n && !isHtmlSpace(input[i]) && input[i] !== ">") i++;
      const endName = input.slice(nameStart, i).toLowerCase();
      while (i < n && isHtmlSpace(input[i])) i++;
      if (input[i] !== ">") fail(`Unclosed end tag at byte offset ${byteAt(begin)}`);
      const top = open.pop()!;
      if (endName !== "" && endName !== top.tag) {
        fail(`Unmatched end tag at byte offset ${byteAt(begin)}, expected "</${top.tag}>", found "</${endName}>"`);
      }
      const length = out.length - top.start;
      if (length === 0) continue; // empty entities are dropped
      const entity: MessageEntity & { order: number } = {
        type: TAG_ENTITY[top.tag]!,
        offset: top.start,
        length,
        order: order++,
      };
      if (top.tag === "a") entity.url = top.hasHref ? top.arg : out.slice(top.start);
      if (top.tag === "tg-emoji") entity.custom_emoji_id = top.arg;
      if (top.tag === "blockquote" && top.arg === "expandable") entity.type = "expandable_blockquote";
      if (top.tag === "code" && top.arg) entity.language = top.arg; // folded into an enclosing <pre> below
      if (top.tag === "pre") {
        // <pre><code class="language-x">…</code></pre> is a pre block with a language.
        const inner = entities.findIndex(
          (e) => e.type === "code" && e.offset === entity.offset && e.length === entity.length,
        );
        if (inner >= 0) {
          const code = entities.splice(inner, 1)[0]!;
          if (code.language) entity.language = code.language;
        }
      }
      entities.push(entity);
    }
  }
  if (open.length > 0) fail(`Can't find end tag corresponding to start tag "${open[open.length - 1]!.tag}"`);

  const result = entities
    .sort((a, b) => a.offset - b.offset || b.length - a.length || a.order - b.order)
    .map(({ order: _order, ...e }) => {
      if (e.type === "code") delete e.language; // a language only survives on pre
      return e;
    });
  return { text: out, entities: result };
}

/** Telegram strips leading/trailing whitespace of message text; entities are clipped to match. */
export function trimFormatted(text: string, entities: MessageEntity[]): { text: string; entities: MessageEntity[] } {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const end = lead + trimmed.length;
  const clipped = entities
    .map((e) => {
      const s = Math.max(e.offset, lead);
      const t = Math.min(e.offset + e.length, end);
      return { ...e, offset: s - lead, length: t - s };
    })
    .filter((e) => e.length > 0);
  return { text: trimmed, entities: clipped };
}
