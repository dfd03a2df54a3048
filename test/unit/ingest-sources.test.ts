// data/sources.json: the shipped list is valid, and a bad file is described feed by feed and
// field by field with how to fix it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { describeSourcesProblem, parseSources } from "../../src/feeds/sources.ts";
import { REPO_ROOT } from "../support/bot-process.ts";

describe("the sources file", () => {
  it("ships valid, with feeds in Russian, Ukrainian and English", () => {
    const r = parseSources(readFileSync(join(REPO_ROOT, "data", "sources.json"), "utf8"), "data/sources.json");
    assert.ok(r.ok, r.ok ? "" : r.problems.map(describeSourcesProblem).join("\n"));
    for (const lang of ["ru", "uk", "en"]) assert.ok(r.feeds.filter((f) => f.language === lang).length >= 5, `${lang} feeds`);
    assert.ok(r.feeds.some((f) => f.url.includes("mid.ru")) && r.feeds.some((f) => f.url.includes("state.gov")) && r.feeds.some((f) => f.url.includes("mfa.gov.ua")));
  });

  it("names the feed, the field and the fix for each problem", () => {
    const text = JSON.stringify({
      feeds: [
        { id: "tass-ru", url: "https://tass.ru/rss/v2.xml", outlet: "ТАСС", language: "ru", pollMinutes: 2 },
        { url: "https://example.org/feed", outlet: "", language: "ru", pollMinutes: 10, timezone: "Moscow" },
        { id: "tass-ru", url: "https://tass.com/rss/v2.xml", outlet: "TASS", language: "en", pollMinutes: 10, every: 5 },
      ],
    });
    const r = parseSources(text, "sources.json");
    assert.ok(!r.ok);
    assert.deepEqual(r.problems.map(describeSourcesProblem), [
      'sources.json, feed "tass-ru", field "pollMinutes": must be at least 5: polling more often gains nothing and burdens the outlet',
      'sources.json, feed #2, field "id": is missing: give the feed a short id of lower-case letters, digits and dashes, such as "tass-ru"',
      'sources.json, feed #2, field "outlet": must not be empty: the outlet\'s name, such as "TASS"',
      'sources.json, feed #2, field "timezone": must be an IANA time zone such as Europe/Moscow, Europe/Kyiv or America/New_York',
      'sources.json, feed "tass-ru": has unknown keys "every"; a feed has id, url, outlet, language, pollMinutes, and optionally enabled and timezone',
    ]);
  });

  it("says what is wrong with a file that is not JSON or has no list", () => {
    const notJson = parseSources("{ feeds: [", "s.json");
    assert.ok(!notJson.ok && /^s\.json: is not valid JSON \(.+\); fix the syntax, or restore it with git checkout$/.test(describeSourcesProblem(notJson.problems[0])));
    const noList = parseSources('{"feed": []}', "s.json");
    assert.ok(!noList.ok);
    assert.deepEqual(noList.problems.map(describeSourcesProblem), ['s.json, field "feeds": must be a list of feeds: { "feeds": [ { "id": …, "url": … }, … ] }', 's.json: has unknown keys "feed"; the file holds only "feeds"']);
  });

  it("finds a repeated id", () => {
    const f = { url: "https://a.example/rss", outlet: "A", language: "en", pollMinutes: 10 };
    const r = parseSources(JSON.stringify({ feeds: [{ ...f, id: "a" }, { ...f, id: "a", url: "https://b.example/rss" }] }), "s.json");
    assert.ok(!r.ok);
    assert.deepEqual(r.problems.map(describeSourcesProblem), ['s.json, feed "a", field "id": is also the id of feed #1; ids must be unique']);
  });
});
