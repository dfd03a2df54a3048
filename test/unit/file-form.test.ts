// The record's file form taken apart into items and put back byte for byte (what the record in
// PostgreSQL keeps), whatever the layout a person left: lists in either order, empty lists,
// everything on one line, odd spacing.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appendedItems, emptiedFrame, indentBefore, joinFileForm, splitFileForm } from "../../src/record/file-form.ts";
import { formatJson } from "../../src/record/json-layout.ts";
import { textAfter } from "../../src/record/record-operation.ts";

const LAYOUTS = [
  `{\n  "tracks": [],\n  "entries": []\n}\n`,
  `{"tracks":[{"id":"a"}],"entries":[{"id":"x"},{"id":"y"}]}`,
  ` {\n\t"entries" : [ {"id": "x"} ,\n\n      {"id":"y",\n "n": [1, 2]}  ],\n  "tracks":[\n  ]\n}\n\n`,
  `{\n  "tracks": [\n    {\n      "id": "a",\n      "title": {"en": "A — ё"}\n    }\n  ],\n  "entries": [\n    {"id": "x", "s": "\\"]},"}\n  ]\n}`,
];

test("every layout comes back byte for byte, with the items it holds", () => {
  for (const text of LAYOUTS) {
    const form = splitFileForm(text);
    assert.ok(form, text);
    assert.equal(joinFileForm(form), text);
    const parsed = JSON.parse(text) as { tracks: unknown[]; entries: unknown[] };
    assert.deepEqual(form.entries.map((i) => JSON.parse(i.text)), parsed.entries);
    assert.deepEqual(form.tracks.map((i) => JSON.parse(i.text)), parsed.tracks);
  }
});

test("items appended or the last one removed are laid out as the file writer lays them out", () => {
  const raw = { tracks: [], entries: [{ id: "x" }] };
  const text = `${JSON.stringify(raw, null, 2)}\n`;
  const form = splitFileForm(text)!;
  const added = appendedItems(form.layout.entries, false, [{ id: "y", n: [1] }]);
  const grown = joinFileForm({ ...form, entries: [...form.entries, ...added.items], layout: { ...form.layout, entries: added.frame } });
  assert.equal(grown, textAfter(text, raw, { list: "entries", append: [{ id: "y", n: [1] }] }));

  const emptied = joinFileForm({ ...form, entries: [], layout: { ...form.layout, entries: emptiedFrame(form.layout.entries) } });
  assert.equal(emptied, textAfter(text, raw, { list: "entries", index: 0, remove: true }));

  const intoEmpty = appendedItems(form.layout.tracks, true, [{ id: "t" }, { id: "u" }]);
  const withTracks = joinFileForm({ ...form, tracks: intoEmpty.items, layout: { ...form.layout, tracks: intoEmpty.frame } });
  assert.equal(withTracks, textAfter(text, raw, { list: "tracks", append: [{ id: "t" }, { id: "u" }] }));
  assert.equal(intoEmpty.items[0].text, formatJson({ id: "t" }, "    "));
});

test("an item's line indent is read from the text before it, or the list's when it shares a line", () => {
  assert.equal(indentBefore(",\n    ", "  "), "    ");
  assert.equal(indentBefore("[\n\t", "  "), "\t");
  assert.equal(indentBefore(" , ", "  "), "  ");
  assert.equal(indentBefore(",\n  x ", "  "), "  ");
});
