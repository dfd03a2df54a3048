// Feed items in every format, links as one article, and stories known by their words.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FeedParseError, htmlToText, itemText, parseFeed } from "../../src/feeds/feed.ts";
import { fingerprint, itemId, normaliseLink } from "../../src/feeds/identity.ts";
import { rss } from "../support/feed-server.ts";

const ITEM = { guid: "g1", title: "Talks & more", description: "<p>First paragraph.</p><p>Second &laquo;quoted&raquo;.</p>", link: "https://example.org/a", pubDate: "Tue, 08 Apr 2025 21:30:00 +0300" };

describe("feed items", () => {
  it("reads RSS 2.0: guid, link, title, text, date", () => {
    const { format, items } = parseFeed(rss([ITEM]), "https://example.org/rss.xml");
    assert.equal(format, "rss");
    assert.equal(items[0].guid, "g1");
    assert.equal(items[0].link, "https://example.org/a");
    assert.equal(items[0].published?.toISOString(), "2025-04-08T18:30:00.000Z");
    assert.deepEqual(itemText(items[0]), { title: "Talks & more", body: "First paragraph.\nSecond «quoted»." });
  });

  it("reads JSON Feed, resolving relative links against the feed", () => {
    const json = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "J", items: [{ id: 7, url: "/news/7", title: "Seven", content_text: "Text", date_published: "2025-04-08T10:00:00Z" }, { title: "no id, no link" }] });
    const { format, items } = parseFeed(json, "https://example.org/feed.json");
    assert.equal(format, "json");
    assert.deepEqual(items.map((i) => [i.guid, i.link, i.title]), [["7", "https://example.org/news/7", "Seven"]]);
  });

  it("says why something is not a feed", () => {
    assert.throws(() => parseFeed("<!doctype html><html><body>Oops</body></html>", "https://x/"), (e: Error) => e instanceof FeedParseError && e.message === "not a feed but an HTML page");
    assert.throws(() => parseFeed('{"hello": 1}', "https://x/"), /JSON, but not a JSON Feed/);
    assert.throws(() => parseFeed("plain words", "https://x/"), /neither XML nor JSON/);
  });

  it("keeps text outside paragraphs, and its line breaks", () => {
    assert.equal(htmlToText("Line one<br>line two &amp; three"), "Line one\nline two & three");
  });
});

describe("item identity", () => {
  it("normalises links: host case, www, fragment, tracking, trailing slash, scheme", () => {
    assert.equal(normaliseLink("https://WWW.Example.org/News/1/?utm_source=rss&id=5&fbclid=x#top"), "example.org/News/1?id=5");
    assert.equal(normaliseLink("http://example.org/News/1?id=5"), "example.org/News/1?id=5");
  });

  it("makes ids from the guid, else the normalised link", () => {
    assert.equal(itemId("tass-ru", { guid: "123", link: "https://tass.ru/x" }), "tass-ru:123");
    assert.equal(itemId("tass-ru", { link: "https://tass.ru/x/?utm_medium=rss" }), "tass-ru:tass.ru/x");
  });

  it("fingerprints the words, not the markup; too little text gives none", () => {
    const a = fingerprint("Lavrov, Rubio talk", "<p>The ministers spoke by phone on Tuesday, the ministry said.</p>");
    const b = fingerprint("Lavrov,  Rubio talk", "The ministers spoke by phone on Tuesday — the ministry said");
    assert.ok(a && a === b);
    assert.notEqual(a, fingerprint("Lavrov, Rubio talk", "The ministers spoke by phone on Wednesday, the ministry said."));
    assert.equal(fingerprint("Short", ""), undefined);
  });
});
