// The record's file form (data/events.json) taken apart into its items and the text around
// them, and put back together byte for byte. A back end that keeps tracks and entries as rows
// (src/record-db/) keeps each item's exact text and the separator before it, and the frame
// here for the rest, so that `export` gives back the very file that was imported, and a
// change shows in git as the lines that changed, as with the file writer
// (record-operation.ts). Pure: text in, text out.
import { formatJson, JsonLayout } from "./json-layout.ts";

export type ListName = "tracks" | "entries";

/** The text of one list around its items. */
export interface ListFrame {
  /** From "[" to the first item; the whole list ("[]", "[\n  ]") when it is empty. */
  open: string;
  /** From the end of the last item to "]" included; "" when the list is empty. */
  close: string;
  /** The indent a new item gets (the first item's, or one step in from the list's line). */
  indent: string;
  /** The whitespace starting the list's own line. */
  outer: string;
}

/** Everything of the file but the items: parts[0] list parts[1] list parts[2]. */
export interface Layout {
  parts: [string, string, string];
  order: [ListName, ListName];
  tracks: ListFrame;
  entries: ListFrame;
}

/** An item's exact text and the separator before it ("" for a list's first item). */
export interface Item {
  lead: string;
  text: string;
}

export interface FileForm {
  layout: Layout;
  tracks: Item[];
  entries: Item[];
}

/** The layout of `{"tracks": [], "entries": []}` as JSON.stringify(…, null, 2) writes it. */
export const EMPTY_LAYOUT: Layout = {
  parts: ['{\n  "tracks": ', ',\n  "entries": ', "\n}\n"],
  order: ["tracks", "entries"],
  tracks: { open: "[]", close: "", indent: "    ", outer: "  " },
  entries: { open: "[]", close: "", indent: "    ", outer: "  " },
};

/**
 * Takes the text of a valid event log apart (it was parsed and validated first). Null when
 * its shape surprises the scanner (it never should for a validated log).
 */
export function splitFileForm(text: string): FileForm | null {
  const json = new JsonLayout(text);
  const top = json.skipSpace(0);
  const members = json.members(top);
  if (!members || members.length !== 2) return null;
  const names = members.map((m) => m.key);
  if (!names.includes("tracks") || !names.includes("entries")) return null;
  const lists: { frame: ListFrame; items: Item[]; open: number; end: number }[] = [];
  for (const m of members) {
    const items = json.items(m.value.start);
    if (!items) return null;
    const { spans, close } = items;
    const open = m.value.start;
    const outer = json.indentAt(open);
    if (!spans.length) {
      lists.push({ frame: { open: text.slice(open, close + 1), close: "", indent: `${outer}  `, outer }, items: [], open, end: close + 1 });
      continue;
    }
    const first = spans[0].start;
    const indent = json.startsLine(first, open) ? json.indentAt(first) : `${outer}  `;
    lists.push({
      frame: { open: text.slice(open, first), close: text.slice(spans[spans.length - 1].end, close + 1), indent, outer },
      items: spans.map((s, i) => ({ lead: i ? text.slice(spans[i - 1].end, s.start) : "", text: text.slice(s.start, s.end) })),
      open,
      end: close + 1,
    });
  }
  const [a, b] = lists;
  const order = names as [ListName, ListName];
  const byName = { [order[0]]: a, [order[1]]: b } as { tracks: (typeof lists)[0]; entries: (typeof lists)[0] };
  return {
    layout: {
      parts: [text.slice(0, a.open), text.slice(a.end, b.open), text.slice(b.end)],
      order,
      tracks: byName.tracks.frame,
      entries: byName.entries.frame,
    },
    tracks: byName.tracks.items,
    entries: byName.entries.items,
  };
}

/** The file's text: the frame with the items put back in. */
export function joinFileForm(form: FileForm): string {
  const { layout } = form;
  const list = (name: ListName) => {
    const frame = layout[name];
    const items = form[name];
    if (!items.length) return frame.open + frame.close;
    let out = frame.open;
    items.forEach((item, i) => (out += (i ? item.lead : "") + item.text));
    return out + frame.close;
  };
  return layout.parts[0] + list(layout.order[0]) + layout.parts[1] + list(layout.order[1]) + layout.parts[2];
}

/**
 * New items appended to a list, laid out as the file writer appends them: the items and the
 * list's frame after it (changed only when the list was empty).
 */
export function appendedItems(frame: ListFrame, wasEmpty: boolean, values: unknown[]): { items: Item[]; frame: ListFrame } {
  if (wasEmpty) {
    const inner = `${frame.outer}  `;
    return {
      items: values.map((v, i) => ({ lead: i ? `,\n${inner}` : "", text: formatJson(v, inner) })),
      frame: { open: `[\n${inner}`, close: `\n${frame.outer}]`, indent: inner, outer: frame.outer },
    };
  }
  return { items: values.map((v) => ({ lead: `,\n${frame.indent}`, text: formatJson(v, frame.indent) })), frame };
}

/** The frame of a list whose last item was removed: the file writer leaves "[]". */
export function emptiedFrame(frame: ListFrame): ListFrame {
  return { ...frame, open: "[]", close: "" };
}

/** The whitespace starting the line an item begins on, found from the text before it. */
export function indentBefore(before: string, fallback: string): string {
  const nl = before.lastIndexOf("\n");
  if (nl < 0) return fallback;
  const tail = before.slice(nl + 1);
  return /^[ \t]*$/.test(tail) ? tail : fallback;
}

/** After any write the file ends in a newline, as the file writer leaves it. */
export function endingInNewline(layout: Layout): Layout {
  return layout.parts[2].endsWith("\n") ? layout : { ...layout, parts: [layout.parts[0], layout.parts[1], `${layout.parts[2]}\n`] };
}
