// `npm run ingest -- poll --once`, `sources`, `explain`: what a person sees, and the exit codes
// (0 done, 1 unreadable sources or state, or an unknown item, 2 usage).
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { main } from "../../src/cli/ingest.ts";
import { startFeedServer, type FeedServer } from "../support/feed-server.ts";

let server: FeedServer;
let dir: string;

before(async () => {
  server = await startFeedServer();
  server.items.push(
    // Within the 30 days kept: older items are never offered.
    { guid: "call-1", title: "Lavrov and Rubio hold phone talks", description: `<p>Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State Marco Rubio held a telephone conversation on Tuesday at the initiative of the American side, the Russian Foreign Ministry said. ${"The ministers discussed the next steps in the dialogue between Moscow and Washington. ".repeat(4)}</p>`, link: `${server.base}/news/call-1`, pubDate: new Date(Date.now() - 3_600_000).toUTCString() },
    // A teaser: only the article page says what it is about.
    { guid: "round-1", title: "Consultations in Istanbul", description: "Read more.", link: `${server.base}/articles/round-1.html`, pubDate: new Date(Date.now() - 1_800_000).toUTCString() },
    { guid: "quake-1", title: "Earthquake shakes Istanbul", description: `<p>${"A magnitude 6.2 earthquake struck off Istanbul on Wednesday, Turkey's disaster agency said; buildings shook across the city. ".repeat(4)}</p>`, link: `${server.base}/news/quake-1`, pubDate: new Date(Date.now() - 1_200_000).toUTCString() },
  );
  dir = await mkdtemp(join(tmpdir(), "parley-feeds-cli-"));
  const feed = (id: string, path: string) => ({ id, url: server.url(path), outlet: "Example Agency", language: "en", pollMinutes: 10, timezone: "Europe/Moscow" });
  await writeFile(join(dir, "sources.json"), JSON.stringify({ feeds: [feed("agency", "/rss.xml"), feed("broken", "/fail.xml")] }));
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[], dataDir = dir) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), stdin: Readable.from([""]), dataDir, fetch: { timeoutMs: 20_000, hostIntervalMs: 0 } });
  return { code, out, err };
}

describe("ingest poll, sources, explain", () => {
  it("polls every feed once and prints what Parley understands of each new item", async () => {
    const r = await run(["poll", "--once", "--record", "none"]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^agency:call-1: relevant — .+\[en, published \d{4}-\d\d-\d\d\]$/m);
    assert.match(r.out, /^agency:quake-1: dropped — /m);
    assert.match(r.out, /^agency:round-1: relevant — a round between RU and US/m);
    assert.match(r.out, /^agency: 3 items, 3 new$/m);
    assert.match(r.out, new RegExp(`^broken: failed: HTTP 500 from ${server.url("/fail.xml").replace(/[.]/g, "\\.")}$`, "m"));
    assert.match(r.out, /^state: .+state\/cli \(npm run ingest -- sources --state .+state\/cli\)$/m);
  });

  it("shows each feed's state in a table", async () => {
    const r = await run(["sources", "--state", join(dir, "state", "cli")]);
    assert.equal(r.code, 0, r.err);
    const [head, agency, broken] = r.out.trimEnd().split("\n");
    assert.match(head, /^feed\s+outlet\s+last success\s+failures\s+next try\s+last error$/);
    assert.match(agency, /^agency\s+Example Agency\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+0\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+-$/);
    assert.match(broken, /^broken\s+Example Agency\s+never\s+1\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+\d{4}-\d\d-\d\d \d\d:\d\dZ HTTP 500 from /);
  });

  it("explains what became of an item, and says when there is no such item", async () => {
    const r = await run(["explain", "agency:round-1", "--state", join(dir, "state", "cli")]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^ {2}text from {2}the article page \(\d+ characters; the feed gave a teaser\)$/m);
    assert.match(r.out, /^ {2}outcome {4}relevant — a round between RU and US/m);
    assert.match(r.out, /^ {2}drafts {5}none$/m);
    const quake = await run(["explain", "agency:quake-1", "--state", join(dir, "state", "cli")]);
    assert.match(quake.out, /^ {2}text from {2}the feed \(\d+ characters\)$/m);
    assert.match(quake.out, /^ {2}outcome {4}dropped — /m);
    const missing = await run(["explain", "agency:nope", "--state", join(dir, "state", "cli")]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /^no item "agency:nope" in .+; item ids are "<feed id>:<guid or link>"/);
  });

  it("exits 1 on a bad sources file or unreadable state, 2 on a wrong command line", async () => {
    const bad = await mkdtemp(join(tmpdir(), "parley-feeds-bad-"));
    await writeFile(join(bad, "sources.json"), JSON.stringify({ feeds: [{ id: "x", url: "https://x.example/rss", outlet: "X", language: "en", pollMinutes: 1 }] }));
    const r = await run(["sources"], bad);
    assert.equal(r.code, 1);
    assert.equal(r.err, `${join(bad, "sources.json")}, feed "x", field "pollMinutes": must be at least 5: polling more often gains nothing and burdens the outlet\n`);
    await writeFile(join(bad, "sources.json"), JSON.stringify({ feeds: [] }));
    await import("node:fs/promises").then((fs) => fs.mkdir(join(bad, "state"), { recursive: true }));
    await writeFile(join(bad, "state", "feeds.json"), "{ torn");
    const state = await run(["sources"], bad);
    assert.equal(state.code, 1);
    assert.match(state.err, /feeds\.json: not readable \(.+\); move it aside and the feeds are polled afresh/);
    await rm(bad, { recursive: true, force: true });
    assert.equal((await run(["explain"])).code, 2);
    assert.equal((await run(["sources", "--once"])).code, 2);
    const usage = await run(["sources", "extra"]);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /^"sources" takes no inputs\nusage: /);
  });
});
