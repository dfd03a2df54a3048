// One change to the record's JSON text: append to a list, replace or remove an entry. The file
// is edited by hand and kept in git, so the change is spliced into the text as it stands: every
// other entry stays byte for byte as it was, new text has a 2-space indent. Pure: the writer
// (record-file/writer.ts) reads the file, calls textAfter, validates and replaces the file.
import { formatJson, isObject, JsonLayout, type Span } from "./json-layout.ts";

/** The record as parsed, before validation: two lists and whatever else the file holds. */
export type RawLog = { tracks: unknown[]; entries: unknown[] } & { [key: string]: unknown };

/** One change to one of the two lists; applied both to the parsed JSON and to the text. */
export type RecordOperation =
  | { list: "tracks" | "entries"; append: unknown[] }
  | { list: "entries"; index: number; replace: unknown }
  | { list: "entries"; index: number; remove: true };

export function isRawLog(v: unknown): v is RawLog {
  return isObject(v) && Array.isArray(v.tracks) && Array.isArray(v.entries);
}

export function applyOperation(raw: RawLog, op: RecordOperation): RawLog {
  const list = [...raw[op.list]];
  if ("append" in op) list.push(...op.append);
  else if ("replace" in op) list[op.index] = op.replace;
  else list.splice(op.index, 1);
  return { ...raw, [op.list]: list };
}

/**
 * The file after the operation. The operation is spliced into the text as it stands, so hand
 * formatting (inline arrays, spacing) survives and git shows only the lines that changed: a new
 * entry is added after the last, a changed entry has only its changed fields rewritten. The
 * splice is checked against the operation: what the changed stretch of text now parses to must
 * be exactly the new entries (or, for a removal, what was cut must be the entry). Only that
 * stretch is parsed, not the whole file: on 100,000 entries a whole-file check cost over a
 * second per write, and the text outside the stretch is untouched by construction. If the check
 * fails, or the file has no layout to keep (all on one line), the whole file is written with a
 * 2-space indent. Either way the caller validates the whole result before writing it.
 */
export function textAfter(text: string, raw: RawLog, op: RecordOperation): string {
  const spliced = spliceOperation(text, raw, op);
  if (spliced !== null && spliceMatches(text, raw, spliced, op)) return spliced.text.endsWith("\n") ? spliced.text : `${spliced.text}\n`;
  return `${JSON.stringify(applyOperation(raw, op), null, 2)}\n`;
}

/** The new text, and the stretch of the old text it replaced (everything else is as it was). */
type Spliced = { text: string; from: number; to: number };

function spliceMatches(before: string, raw: RawLog, spliced: Spliced, op: RecordOperation): boolean {
  const now = spliced.text.slice(spliced.from, spliced.text.length - (before.length - spliced.to));
  const was = before.slice(spliced.from, spliced.to);
  // A run of list items, with the separators around it, read as a list.
  const items = (t: string) => JSON.parse(`[${t.trim().replace(/^,/, "").replace(/,$/, "")}]`) as unknown[];
  try {
    if ("append" in op) return sameText(now.trimStart().startsWith("[") ? JSON.parse(now) : items(now), op.append);
    if ("replace" in op) return sameText(JSON.parse(now), op.replace);
    const removed = [raw[op.list][op.index]];
    return now.trim() === "[]" ? sameText(JSON.parse(was), removed) : now === "" && sameText(items(was), removed);
  } catch {
    return false;
  }
}

/** Equal as JSON text, key order included (unlike sameJson): the splice must write the keys in the order intended. */
function sameText(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function spliceOperation(text: string, raw: RawLog, op: RecordOperation): Spliced | null {
  if (!text.includes("\n")) return null;
  const json = new JsonLayout(text);
  // The list's items, found in one pass over it (100,000 entries are tens of megabytes).
  const list = json.listItems(op.list);
  if (!list) return null;
  const { open, spans: items, close } = list;
  const splice = (from: number, to: number, insert: string): Spliced => ({ text: json.splice(from, to, insert), from, to });

  if ("append" in op) {
    if (!items.length) {
      const outer = json.indentAt(open);
      const inner = `${outer}  `;
      return splice(open, close + 1, `[\n${op.append.map((v) => inner + formatJson(v, inner)).join(",\n")}\n${outer}]`);
    }
    const first = items[0].start;
    // Items that share a line with "[" have no indent of their own to copy.
    const inner = json.startsLine(first, open) ? json.indentAt(first) : `${json.indentAt(open)}  `;
    const last = items[items.length - 1].end;
    return splice(last, last, op.append.map((v) => `,\n${inner}${formatJson(v, inner)}`).join(""));
  }
  const item = items[op.index];
  if (!item) return null;
  if ("replace" in op) {
    const fields = replaceFields(json, item, raw[op.list][op.index], op.replace);
    return fields !== null ? { text: fields, from: item.start, to: item.end } : splice(item.start, item.end, formatJson(op.replace, json.indentAt(item.start)));
  }
  if (items.length === 1) return splice(open, close + 1, "[]");
  // Take a separator with the item: the one before it, or for the first item the one after.
  return op.index > 0 ? splice(items[op.index - 1].end, item.end, "") : splice(item.start, items[1].start, "");
}

/**
 * One list item's text after a change, as the file writer would splice it: only the members
 * that differ rewritten, or the whole item laid out afresh when that cannot be done. `indent`
 * is the whitespace that starts the item's line. Used where items are kept apart from the
 * file's text (the record in PostgreSQL, src/record-db/).
 */
export function replacedItemText(itemText: string, indent: string, before: unknown, after: unknown): string {
  const json = new JsonLayout(indent + itemText);
  const fields = replaceFields(json, { start: indent.length, end: json.text.length }, before, after);
  if (fields !== null) {
    const text = fields.slice(indent.length);
    try {
      if (sameText(JSON.parse(text), after)) return text;
    } catch {
      // Not what was intended: laid out afresh below.
    }
  }
  return formatJson(after, indent);
}

/** Rewrites only the members of one object that differ between `before` and `after`. */
function replaceFields(json: JsonLayout, item: Span, before: unknown, after: unknown): string | null {
  if (!isObject(before) || !isObject(after)) return null;
  const members = json.members(item.start);
  if (!members || !members.length) return null;
  const cuts: { start: number; end: number; insert: string }[] = [];
  // Removed members take a separator with them: the one before, or for those leading the
  // object, everything up to the first member that stays.
  const firstKept = members.findIndex((m) => m.key in after);
  if (firstKept < 0) return null;
  if (firstKept > 0) cuts.push({ start: members[0].keyStart, end: members[firstKept].keyStart, insert: "" });
  members.forEach((m, i) => {
    if (!(m.key in after)) {
      if (i > firstKept) cuts.push({ start: members[i - 1].value.end, end: m.value.end, insert: "" });
    } else if (JSON.stringify(before[m.key]) !== JSON.stringify(after[m.key])) {
      cuts.push({ start: m.value.start, end: m.value.end, insert: formatJson(after[m.key], json.indentAt(m.keyStart)) });
    }
  });
  const added = Object.keys(after).filter((k) => !members.some((m) => m.key === k));
  if (added.length) {
    const last = members[members.length - 1];
    const indent = json.indentAt(last.keyStart);
    cuts.push({ start: last.value.end, end: last.value.end, insert: added.map((k) => `,\n${indent}${JSON.stringify(k)}: ${formatJson(after[k], indent)}`).join("") });
  }
  // From the end backwards, so earlier offsets stay valid.
  let text = json.text;
  for (const c of cuts.sort((a, b) => b.start - a.start)) text = text.slice(0, c.start) + c.insert + text.slice(c.end);
  return text;
}
