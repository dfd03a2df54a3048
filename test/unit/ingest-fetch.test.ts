// The polite fetcher against the local feed server: what it sends (User-Agent, compression,
// validators), what it gives back (text in the right charset, 304s), and how each misbehaving
// server is refused, in words a `sources` table can show.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createFetcher, FetchError, PAGE_ACCEPT, parleyUserAgent, type Fetcher } from "../../src/feeds/fetching/fetcher.ts";
import { decodeBody } from "../../src/ingest/charset.ts";
import { CP1251_TITLE, encodeCyrillic, KOI8_TITLE, startFeedServer, type FeedServer } from "../support/feed-server.ts";

let server: FeedServer;
let fetcher: Fetcher;
const UA = "ParleyBot/0.1.0 (+https://parley.example.org)";

before(async () => {
  server = await startFeedServer();
  server.items.push({ guid: "g1", title: "A", description: "d", link: `${server.base}/articles/a.html`, pubDate: "Tue, 08 Apr 2025 10:00:00 +0300" });
  // A generous timeout: a loaded machine must not turn an answer into a timeout. The timeout
  // itself is tested with a server that never answers and a fetcher of its own.
  fetcher = createFetcher({ userAgent: UA, timeoutMs: 20_000, maxBytes: 100_000, maxRedirects: 3, hostIntervalMs: 0 });
});
after(() => server.close());

async function refusal(url: string, by = fetcher): Promise<FetchError> {
  try {
    await by.get(url);
  } catch (err) {
    assert.ok(err instanceof FetchError, String(err));
    return err;
  }
  assert.fail(`${url} was fetched`);
}

describe("fetching a feed", () => {
  it("says who it is, asks for compression, reads robots.txt first, and unpacks gzip", async () => {
    const r = await fetcher.get(server.url("/rss.xml"));
    assert.equal(r.status, 200);
    assert.ok(r.status === 200 && r.text.includes("<title>A</title>"));
    const asked = server.requests.filter((q) => q.path === "/rss.xml").at(-1)!;
    assert.equal(asked.headers["user-agent"], UA);
    assert.match(String(asked.headers["accept-encoding"]), /gzip/);
    assert.equal(server.requests[0].path, "/robots.txt");
  });

  it("sends the validators back and takes a 304 as nothing new", async () => {
    const first = await fetcher.get(server.url("/rss.xml"));
    assert.ok(first.status === 200 && first.etag);
    const again = await fetcher.get(server.url("/rss.xml"), { validators: { etag: first.etag, lastModified: first.lastModified } });
    assert.equal(again.status, 304);
    assert.equal(server.requests.at(-1)!.headers["if-none-match"], first.etag);
    server.bump();
    const changed = await fetcher.get(server.url("/rss.xml"), { validators: { etag: first.etag } });
    assert.equal(changed.status, 200);
  });

  it("decodes windows-1251 declared only in the XML prolog", async () => {
    const r = await fetcher.get(server.url("/cp1251.xml"));
    assert.ok(r.status === 200 && r.text.includes(CP1251_TITLE));
  });

  it("decodes a KOI8-R page declared only in its <meta>", async () => {
    const r = await fetcher.get(server.url("/articles/koi8.html"), { accept: PAGE_ACCEPT });
    assert.ok(r.status === 200 && r.text.includes(KOI8_TITLE));
  });

  it("follows relative redirects, and refuses a loop and too many", async () => {
    const r = await fetcher.get(server.url("/redirect.xml"));
    assert.equal(r.url, server.url("/atom.xml"));
    const loop = await refusal(server.url("/loop-a.xml"));
    assert.equal(loop.kind, "redirects");
    assert.match(loop.message, /redirect loop/);
  });

  it("gives up on a server that does not answer within the timeout", async () => {
    const e = await refusal(server.url("/slow.xml"), createFetcher({ userAgent: UA, timeoutMs: 300, hostIntervalMs: 0 }));
    assert.equal(e.kind, "timeout");
    assert.match(e.message, /no complete answer from 127\.0\.0\.1:\d+ within 0\.3 s/);
  });

  it("stops reading a body past the size cap", async () => {
    const e = await refusal(server.url("/huge.xml"));
    assert.equal(e.kind, "too-large");
  });

  it("reports a server error with its status, and Retry-After", async () => {
    const e = await refusal(server.url("/fail.xml"));
    assert.equal(e.kind, "http");
    assert.equal(e.message, `HTTP 500 from ${server.url("/fail.xml")}`);
    const busy = await refusal(server.url("/busy.xml"));
    assert.equal(busy.detail.retryAfterMs, 7_200_000);
  });

  it("does not fetch what robots.txt forbids", async () => {
    const before = server.requests.filter((q) => q.path === "/private/feed.xml").length;
    const e = await refusal(server.url("/private/feed.xml"));
    assert.equal(e.kind, "robots");
    assert.match(e.message, /robots\.txt disallows it for ParleyBot/);
    assert.equal(server.requests.filter((q) => q.path === "/private/feed.xml").length, before);
  });

  it("treats an unreachable robots.txt as disallowing everything", async () => {
    // A port nothing listens on any more.
    const gone = await startFeedServer();
    await gone.close();
    const port = new URL(gone.base).port;
    const down = await refusal(`${gone.base}/feed.xml`);
    assert.equal(down.kind, "robots");
    assert.equal(down.message, `${gone.base}/robots.txt unreadable (127.0.0.1:${port}: ECONNREFUSED): the host is left alone until it can be read (RFC 9309)`);
    const failing = await startFeedServer({ robotsStatus: 503 });
    const busy = await refusal(failing.url("/private/feed.xml"));
    assert.match(busy.message, /robots\.txt unreadable \(HTTP 503\)/);
    await failing.close();
  });

  it("takes a missing robots.txt (4xx) as allowing everything", async () => {
    const none = await startFeedServer({ robotsStatus: 404 });
    const r = await fetcher.get(none.url("/private/feed.xml"));
    await none.close();
    assert.equal(r.status, 200);
  });
});

describe("pacing", () => {
  it("sends one request at a time to a host, and waits the host's interval between them", async () => {
    const paced = await startFeedServer();
    const slow = createFetcher({ userAgent: UA, timeoutMs: 20_000, hostIntervalMs: 150 });
    try {
      await Promise.all(["/rss.xml", "/atom.xml", "/rdf.xml", "/feed.json"].map((p) => slow.get(paced.url(p))));
    } finally {
      await paced.close();
    }
    assert.equal(paced.maxInFlight, 1);
  });

  it("starts no request to a host before the interval since the last one has passed", async (t) => {
    // The clock is the test's: the interval is proved by when requests start as it is moved on,
    // not by measuring wall time (which a loaded machine stretches). The stand-in for fetch
    // answers at once, so only the pacing decides when each request goes out.
    t.mock.timers.enable({ apis: ["setTimeout", "Date"], now: 1_000_000 });
    const sent: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      sent.push(new URL(url).pathname);
      return new Response(url.endsWith("/robots.txt") ? "" : "<rss/>", { status: url.endsWith("/robots.txt") ? 404 : 200 });
    };
    const settle = async () => {
      for (let i = 0; i < 50; i++) await Promise.resolve();
    };
    try {
      const slow = createFetcher({ userAgent: UA, timeoutMs: 20_000, hostIntervalMs: 150 });
      const all = Promise.all(["/a.xml", "/b.xml"].map((p) => slow.get(`http://paced.test${p}`)));
      await settle();
      assert.deepEqual(sent, ["/robots.txt"], "robots.txt first, alone");
      t.mock.timers.tick(149);
      await settle();
      assert.deepEqual(sent, ["/robots.txt"], "nothing more before 150 ms");
      t.mock.timers.tick(1);
      await settle();
      assert.equal(sent.length, 2, "the first feed at 150 ms");
      t.mock.timers.tick(149);
      await settle();
      assert.equal(sent.length, 2, "the second waits its own 150 ms");
      t.mock.timers.tick(1);
      await settle();
      assert.deepEqual(sent.slice(1).sort(), ["/a.xml", "/b.xml"]);
      await all;
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe("charsets", () => {
  it("knows windows-1251, KOI8-R and KOI8-U, by header, prolog, meta or BOM", () => {
    const ru = "Переговоры в Стамбуле";
    assert.equal(decodeBody(encodeCyrillic(ru, "windows-1251"), "text/plain; charset=windows-1251"), ru);
    assert.equal(decodeBody(encodeCyrillic(ru, "koi8-r"), "text/plain; charset=KOI8-R"), ru);
    assert.equal(new TextDecoder("koi8-u").decode(new Uint8Array([0xa4, 0xa6, 0xa7])), "єії");
    assert.equal(decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ru)]), "text/html; charset=windows-1251"), ru);
    // Nothing declared and not UTF-8: the Cyrillic single-byte charset.
    assert.equal(decodeBody(encodeCyrillic(ru, "windows-1251"), "text/plain"), ru);
  });

  it("names itself honestly", () => {
    assert.match(parleyUserAgent("https://parley.example.org"), /^ParleyBot\/\d+\.\d+\.\d+ \(\+https:\/\/parley\.example\.org\)$/);
  });
});
