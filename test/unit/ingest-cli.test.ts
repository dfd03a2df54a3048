// `npm run ingest -- extract`: inputs from files, stdin and URLs (HTML pages reduced to
// their article), the --json shape, matching against a record, and the exit codes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { main, type ExtractResult } from "../../src/cli/ingest.ts";
import { PAGES_DIR } from "../support/ingest-corpus.ts";

// A RIA Novosti page saved as the site serves it: windows-1251, declared in its <meta>.
const RIA_1251 = join(PAGES_DIR, "ru-p02-ria-call-held.html");

const ROUND_RU = "Второй раунд консультаций России и США пройдет в Стамбуле в четверг\n\nВторой раунд российско-американских консультаций по работе посольств состоится в Стамбуле в четверг, 10 апреля, в 10:00 по московскому времени.";
const QUAKE_EN = "Earthquake shakes Istanbul\n\nA magnitude 6.2 earthquake struck off Istanbul on Wednesday, Turkey's disaster agency said.";

const PAGE = `<!doctype html><html><head><title>Rubio and Lavrov talk by phone | Example News</title>
<meta property="article:published_time" content="2025-05-17T14:05:00+03:00"><meta property="og:site_name" content="Example News"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> Putin meets Modi in New Delhi</nav>
<article><h1>Rubio and Lavrov talk by phone</h1>
<p>U.S. Secretary of State Marco Rubio and Russian Foreign Minister Sergei Lavrov spoke by phone on Saturday, the State Department said in a statement released in Washington after the call ended.</p>
<p>The call took place at the initiative of the American side, and the two ministers discussed the results of the direct talks between Russia and Ukraine held in Istanbul the day before.</p>
<p>Both sides agreed to stay in touch, according to the statement, which gave no further details about the conversation or about any future meetings between them.</p></article>
<aside><h2>Most read</h2><ul><li>Trump to meet Xi in Beijing next month</li><li>Earthquake in Tokyo</li></ul></aside></body></html>`;

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(args: string[], stdin: string | Buffer = ""): Promise<Run> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), stdin: Readable.from([stdin]), today: "2025-04-08" });
  return { code, out, err };
}

let dir: string;
let server: Server;
let base: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-ingest-"));
  await writeFile(join(dir, "round.txt"), ROUND_RU);
  await writeFile(join(dir, "quake.txt"), QUAKE_EN);
  await writeFile(join(dir, "page.html"), PAGE);
  await writeFile(join(dir, "empty.txt"), "");
  server = createServer((req, res) => {
    if (req.url === "/ria") {
      // The charset said only in the header, as servers do; the page's own <meta> agrees.
      res.writeHead(200, { "content-type": "text/html; charset=windows-1251" });
      res.end(readFileSync(RIA_1251));
    } else if (req.url === "/story") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(PAGE);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe("ingest extract", () => {
  it("prints one JSON object per input, in order, with the promised fields", async () => {
    const r = await run(["extract", join(dir, "round.txt"), join(dir, "quake.txt"), "--published", "2025-04-08", "--record", "none", "--json"]);
    assert.equal(r.code, 0, r.err);
    const results = JSON.parse(r.out) as ExtractResult[];
    assert.deepEqual(results.map((x) => [x.input, x.relevant]), [[join(dir, "round.txt"), true], [join(dir, "quake.txt"), false]]);
    assert.match(results[1].reason, /no call, meeting, round or summit/);
    const d = results[0].drafts[0];
    for (const key of ["kind", "status", "date", "time", "timezone", "place", "parties", "participants", "track", "sequence", "matches", "evidence"]) assert.ok(key in d, key);
    assert.deepEqual(
      { kind: d.kind, status: d.status, date: d.date, time: d.time, timezone: d.timezone, place: d.place, parties: d.parties, sequence: d.sequence, matches: d.matches },
      { kind: "round", status: "scheduled", date: "2025-04-10", time: "10:00", timezone: "Europe/Moscow", place: { city: "Istanbul", country: "Turkey", venue: null }, parties: ["RU", "US"], sequence: 2, matches: null },
    );
    assert.match(d.evidence.time, /10:00 по московскому времени/);
  });

  it("reads stdin for -", async () => {
    const r = await run(["extract", "-", "--published", "2025-04-08", "--record", "none", "--json"], ROUND_RU);
    assert.equal(r.code, 0, r.err);
    const [x] = JSON.parse(r.out) as ExtractResult[];
    assert.equal(x.input, "-");
    assert.equal(x.drafts[0].date, "2025-04-10");
  });

  it("reduces an HTML page to its article and takes its publication date from the page", async () => {
    const r = await run(["extract", join(dir, "page.html"), "--record", "none", "--json"]);
    assert.equal(r.code, 0, r.err);
    const [x] = JSON.parse(r.out) as ExtractResult[];
    assert.equal(x.relevant, true, x.reason);
    const d = x.drafts[0];
    assert.deepEqual([d.kind, d.status, d.date], ["call", "held", "2025-05-17"]);
    assert.deepEqual(d.participants.map((p) => p.name).sort(), ["Marco Rubio", "Sergei Lavrov"]);
    assert.equal((d as unknown as { source: { outlet: string } }).source.outlet, "Example News");
  });

  it("reads a saved windows-1251 page, from a file, stdin or a URL, by the charset it declares", async () => {
    for (const args of [[RIA_1251], ["-"], [`${base}/ria`]]) {
      const r = await run(["extract", ...args, "--record", "none", "--json"], args[0] === "-" ? readFileSync(RIA_1251) : "");
      assert.equal(r.code, 0, r.err);
      const [x] = JSON.parse(r.out) as ExtractResult[];
      assert.equal(x.relevant, true, `${args[0]}: ${x.reason}`);
      const d = x.drafts[0];
      assert.deepEqual([d.kind, d.status, d.date], ["call", "held", "2025-03-18"], args[0]);
      assert.deepEqual(d.participants.map((p) => p.name).sort(), ["Donald Trump", "Vladimir Putin"]);
      assert.match(d.evidence.date, /Владимир Путин и президент США Дональд Трамп провели во вторник/);
      assert.equal((d as unknown as { source: { outlet: string } }).source.outlet, "РИА Новости");
    }
  });

  it("fetches an http(s) URL and records it as the source", async () => {
    const r = await run(["extract", `${base}/story`, "--record", "none", "--json"]);
    assert.equal(r.code, 0, r.err);
    const [x] = JSON.parse(r.out) as ExtractResult[];
    assert.equal(x.drafts[0].kind, "call");
    assert.equal((x.drafts[0] as unknown as { source: { url: string } }).source.url, `${base}/story`);
  });

  it("matches against a record file", async () => {
    const record = {
      tracks: [{ id: "embassy-operations", title: { en: "Embassy operations" } }],
      entries: [{ id: "embassy-round-2", track: "embassy-operations", kind: "round", status: "announced", date: null, sequence: 2, parties: ["RU", "US"], title: { en: "Round 2" }, summary: { en: "Announced." }, sources: [{ outlet: "TASS", language: "ru" }] }],
    };
    await writeFile(join(dir, "events.json"), JSON.stringify(record));
    const r = await run(["extract", join(dir, "round.txt"), "--published", "2025-04-08", "--record", join(dir, "events.json"), "--json"]);
    assert.equal(r.code, 0, r.err);
    assert.equal((JSON.parse(r.out) as ExtractResult[])[0].drafts[0].matches, "embassy-round-2");
  });

  it("prints a readable summary with the evidence without --json", async () => {
    const r = await run(["extract", join(dir, "round.txt"), "--published", "2025-04-08", "--record", "none"]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /relevant — a round between RU and US \(scheduled\)/);
    assert.match(r.out, /date {9}2025-04-10/);
    assert.match(r.out, /time: “Второй раунд/);
  });

  it("exits 1 for an unreadable input but still reports the others", async () => {
    const r = await run(["extract", join(dir, "missing.txt"), join(dir, "empty.txt"), join(dir, "round.txt"), "--published", "2025-04-08", "--record", "none", "--json"]);
    assert.equal(r.code, 1);
    assert.match(r.err, /missing\.txt: no such file/);
    assert.match(r.err, /empty\.txt: empty/);
    assert.equal((JSON.parse(r.out) as ExtractResult[]).length, 1);
    const notFound = await run(["extract", `${base}/gone`, "--record", "none"]);
    assert.equal(notFound.code, 1);
    assert.match(notFound.err, /HTTP 404/);
  });

  it("exits 1 when the record cannot be read", async () => {
    const r = await run(["extract", join(dir, "round.txt"), "--record", join(dir, "no-record.json")]);
    assert.equal(r.code, 1);
    assert.match(r.err, /no such file/);
  });

  it("exits 2 on a wrong command line", async () => {
    for (const args of [[], ["extract"], ["summarise", "x"], ["extract", "x", "--published", "10.04.2025"], ["extract", "x", "--bogus"], ["extract", "-", "-"]]) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.err, /usage: npm run ingest/);
    }
    assert.equal((await run(["--help"])).code, 0);
  });
});
