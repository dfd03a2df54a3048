// Where values sit in the JSON text of the record, and JSON values compared or laid out the way
// the file has them. The record is edited by hand and kept in git, so the writer changes only
// the text it must and the loader reads entries back by position: both find positions with the
// one scanner here. Pure: text in, positions and text out.

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

export interface Member {
  key: string;
  keyStart: number;
  value: Span;
}

const QUOTE = 0x22,
  BACKSLASH = 0x5c,
  OPEN_OBJ = 0x7b,
  CLOSE_OBJ = 0x7d,
  OPEN_ARR = 0x5b,
  CLOSE_ARR = 0x5d,
  COMMA = 0x2c,
  COLON = 0x3a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Just enough of a JSON scanner to find where values sit in the text. It relies on the text
 * being valid JSON (it was parsed first) and answers null when something surprises it.
 * Positions are string indices (UTF-16 code units), as String#slice takes them.
 */
export class JsonLayout {
  constructor(readonly text: string) {}

  splice(from: number, to: number, insert: string): string {
    return this.text.slice(0, from) + insert + this.text.slice(to);
  }

  skipSpace(i: number): number {
    while (i < this.text.length && isSpace(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** The whitespace that starts the line holding `pos`. */
  indentAt(pos: number): string {
    return /^[ \t]*/.exec(this.text.slice(this.text.lastIndexOf("\n", pos - 1) + 1))![0];
  }

  /** Whether `pos` is the first thing on its line after `after`. */
  startsLine(pos: number, after: number): boolean {
    return this.text.lastIndexOf("\n", pos - 1) > after;
  }

  stringEnd(i: number): number {
    const t = this.text;
    for (i++; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) return i + 1;
    }
    return -1;
  }

  valueEnd(i: number): number {
    const t = this.text;
    const first = t.charCodeAt(i);
    if (first === QUOTE) return this.stringEnd(i);
    if (first !== OPEN_OBJ && first !== OPEN_ARR) {
      for (; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === COMMA || c === CLOSE_ARR || c === CLOSE_OBJ || isSpace(c)) break;
      }
      return i;
    }
    let depth = 0;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === QUOTE) {
        const after = this.stringEnd(i);
        if (after < 0) return -1;
        i = after - 1;
      } else if (c === OPEN_OBJ || c === OPEN_ARR) depth++;
      else if ((c === CLOSE_OBJ || c === CLOSE_ARR) && --depth === 0) return i + 1;
    }
    return -1;
  }

  /** The members of the object starting at `open`: each key and where its value sits. */
  members(open: number): Member[] | null {
    const out: Member[] = [];
    return this.#walkMembers(open, (m) => void out.push(m)) === null ? null : out;
  }

  /** Where the value of `key` in the object at `open` starts; only the members before it are skipped. */
  memberStart(open: number, key: string): number | null {
    let found: number | null = null;
    this.#walkMembers(open, (m) => {
      if (m.key !== key) return;
      found = m.value.start;
      return true;
    }, key);
    return found;
  }

  /**
   * Calls `visit` for each member of the object at `open` until it answers true. With `stopAt`,
   * the member of that key is visited before its value is measured, so a search for it never
   * scans that value (it may be the whole list of entries). Null when the text surprises it.
   */
  #walkMembers(open: number, visit: (m: Member) => boolean | void, stopAt?: string): true | null {
    const t = this.text;
    if (t.charCodeAt(open) !== OPEN_OBJ) return null;
    let i = this.skipSpace(open + 1);
    while (t.charCodeAt(i) !== CLOSE_OBJ) {
      const keyEnd = t.charCodeAt(i) === QUOTE ? this.stringEnd(i) : -1;
      if (keyEnd < 0) return null;
      const key = JSON.parse(t.slice(i, keyEnd)) as string;
      const colon = this.skipSpace(keyEnd);
      if (t.charCodeAt(colon) !== COLON) return null;
      const start = this.skipSpace(colon + 1);
      if (key === stopAt && visit({ key, keyStart: i, value: { start, end: -1 } })) return true;
      const end = this.valueEnd(start);
      if (end < 0) return null;
      if (key !== stopAt && visit({ key, keyStart: i, value: { start, end } })) return true;
      i = this.skipSpace(end);
      if (t.charCodeAt(i) === COMMA) i = this.skipSpace(i + 1);
      else if (t.charCodeAt(i) !== CLOSE_OBJ) return null;
    }
    return true;
  }

  /** Where each item of the array starting at `open` sits, and its closing "]". */
  items(open: number): { spans: Span[]; close: number } | null {
    const t = this.text;
    if (t.charCodeAt(open) !== OPEN_ARR) return null;
    const out: Span[] = [];
    let i = this.skipSpace(open + 1);
    while (t.charCodeAt(i) !== CLOSE_ARR) {
      const end = this.valueEnd(i);
      if (end < 0 || end === i) return null;
      out.push({ start: i, end });
      i = this.skipSpace(end);
      if (t.charCodeAt(i) === COMMA) i = this.skipSpace(i + 1);
      else if (t.charCodeAt(i) !== CLOSE_ARR) return null;
    }
    return { spans: out, close: i };
  }

  /** The items of the top-level list `list` ("tracks" or "entries"), or null if there is none. */
  listItems(list: string): { open: number; spans: Span[]; close: number } | null {
    const open = this.memberStart(this.skipSpace(0), list);
    const items = open === null ? null : this.items(open);
    return open === null || !items ? null : { open, ...items };
  }
}

/**
 * Byte ranges of the top-level "entries" items in the UTF-8 encoding of `text` (entries are
 * read back from the file by byte position). Null if the text has no such list.
 */
export function entryByteRanges(text: string): { offset: number; length: number }[] | null {
  const list = new JsonLayout(text).listItems("entries");
  if (!list) return null;
  // String positions to byte positions: add up the UTF-8 length of the text between them,
  // one pass over the text in all.
  const ranges: { offset: number; length: number }[] = new Array(list.spans.length);
  let at = 0;
  let byte = 0;
  list.spans.forEach((s, i) => {
    byte += Buffer.byteLength(text.slice(at, s.start));
    const length = Buffer.byteLength(text.slice(s.start, s.end));
    ranges[i] = { offset: byte, length };
    byte += length;
    at = s.end;
  });
  return ranges;
}

/** JSON.stringify with a 2-space indent, every line after the first moved right by `indent`. */
export function formatJson(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replaceAll("\n", `\n${indent}`);
}

/**
 * The checked value with keys in the order the person (or the file) had them, at every
 * depth, so a change shows in git as the lines that changed. zod fills `participants: []`
 * when it is absent; that default is not written into an entry that left it out.
 */
export function keepKeyOrder(like: unknown, value: object): { [key: string]: unknown } {
  const out = sameOrder(like, value) as { [key: string]: unknown };
  if (Array.isArray(out.participants) && out.participants.length === 0 && !(isObject(like) && "participants" in like)) delete out.participants;
  return out;
}

function sameOrder(like: unknown, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v, i) => sameOrder(Array.isArray(like) ? like[i] : undefined, v));
  if (!isObject(value)) return value;
  const out: { [key: string]: unknown } = {};
  const keys = isObject(like) ? [...Object.keys(like).filter((k) => k in value), ...Object.keys(value)] : Object.keys(value);
  for (const key of keys) {
    if (!(key in out) && value[key] !== undefined) out[key] = sameOrder(isObject(like) ? like[key] : undefined, value[key]);
  }
  return out;
}

/** Equal as JSON whatever the key order (entries read from the file keep the file's order). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** JSON with sorted keys and no undefined values, so equal data always gives equal text. */
export function canonicalJson(v: unknown): string | undefined {
  return JSON.stringify(v, (_key, value: unknown) =>
    isObject(value) ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]])) : value,
  );
}

export function isObject(v: unknown): v is { [key: string]: unknown } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
