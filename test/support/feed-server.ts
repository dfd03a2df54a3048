// A news site on 127.0.0.1 for the ingest tests and the bench: RSS 2.0, RSS 1.0 (RDF), Atom and
// JSON feeds that honour conditional GET; a windows-1251 feed declared only in its prolog and a
// KOI8-R article page declared only in its <meta>; malformed XML; a server that never answers;
// 500s; redirects (relative, and a loop); a body larger than any cap; a robots.txt that forbids
// /private/; article pages for the feeds' teaser links. Every request is logged with its
// headers, so tests can assert what was asked and how. A test may also serve feeds and article
// pages of its own at any path (`feeds`, `pages`), and hold a request unanswered (`hold`) to
// have the client stopped while it waits.
//
//   node --import tsx test/support/feed-server.ts [feeds]   prints the base URL, serves
//   /bench/<n>.xml (n < feeds, 30 items each) besides the rest, until killed.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export interface FeedServerItem {
  guid: string;
  title: string;
  /** HTML or text; a short one is a teaser. */
  description: string;
  link: string;
  /** RFC 822 for RSS; turned into ISO for the others. */
  pubDate: string;
}

export interface LoggedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
  /** performance.now() when the request arrived. */
  at: number;
}

/** A feed of a test's own: its items in one format. */
export interface OwnFeed {
  items: FeedServerItem[];
  format?: "rss" | "atom" | "json";
}

export interface HeldRequest {
  /** Resolves when the request has arrived (and is being held). */
  arrived: Promise<void>;
  /** Answers it as it would have been answered (if the client is still there). */
  release(): void;
}

export interface FeedServer {
  base: string;
  url(path: string): string;
  /** The items every feed format serves; change them, then bump() so validators change. */
  items: FeedServerItem[];
  bump(): void;
  /** Feeds at paths of the test's choosing (conditional GET as the others); looked at before the built-in paths. */
  feeds: Map<string, OwnFeed>;
  /** Article pages at paths of the test's choosing: a title and paragraphs, in a page with navigation and an aside. */
  pages: Map<string, { title: string; paragraphs: string[] }>;
  /** The next request for `path` is held unanswered until released. */
  hold(path: string): HeldRequest;
  requests: LoggedRequest[];
  /** The most requests the server was answering at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function rss(items: FeedServerItem[], encoding = "utf-8"): string {
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0"><channel><title>Example Agency</title><link>https://example.org/</link><description>News</description>
${items.map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid isPermaLink="false">${esc(i.guid)}</guid><pubDate>${i.pubDate}</pubDate><description><![CDATA[${i.description}]]></description></item>`).join("\n")}
</channel></rss>`;
}

function rdf(items: FeedServerItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org/"><title>Example RDF</title><link>https://example.org/</link><description>News</description></channel>
${items.map((i) => `<item rdf:about="${esc(i.link)}"><title>${esc(i.title)}</title><link>${esc(i.link)}</link><description>${esc(i.description)}</description><dc:date>${new Date(i.pubDate).toISOString()}</dc:date></item>`).join("\n")}
</rdf:RDF>`;
}

function atom(items: FeedServerItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><id>urn:example:atom</id><updated>2025-04-08T00:00:00Z</updated>
${items
  .map((i) => {
    // Relative links, as some outlets write them: resolved against the feed's address.
    const href = new URL(i.link).pathname;
    return `<entry><id>${esc(i.guid)}</id><title>${esc(i.title)}</title><link rel="alternate" href="${esc(href)}"/><published>${new Date(i.pubDate).toISOString()}</published><updated>${new Date(i.pubDate).toISOString()}</updated><content type="html">${esc(i.description)}</content></entry>`;
  })
  .join("\n")}
</feed>`;
}

function jsonFeed(items: FeedServerItem[]): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Example JSON",
    items: items.map((i) => ({ id: i.guid, url: i.link, title: i.title, content_html: i.description, date_published: new Date(i.pubDate).toISOString() })),
  });
}

/** windows-1251 (or KOI8-R) bytes of a text; Node's TextEncoder writes UTF-8 only. */
export function encodeCyrillic(text: string, charset: "windows-1251" | "koi8-r"): Buffer {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

export const CP1251_TITLE = "Лавров и Рубио провели телефонный разговор";
export const KOI8_TITLE = "Второй раунд консультаций пройдет в Стамбуле";

function articlePage(title: string, paragraphs: string[], charset = "utf-8"): string {
  return `<!doctype html><html><head><meta charset="${charset}"><title>${esc(title)}</title><meta property="article:published_time" content="2025-04-08T09:00:00+03:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${esc(title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join("")}</article>
<aside><h2>Most read</h2><ul><li>Unrelated headline one</li><li>Unrelated headline two</li></ul></aside></body></html>`;
}

export const ARTICLE_PARAGRAPHS = [
  "The second round of Russian-American consultations on the work of the embassies will take place in Istanbul on Thursday, April 10, the Russian Foreign Ministry said in a statement.",
  "The Russian delegation will be led by Alexander Darchiev, the director of the ministry's North America department, and the American delegation by Deputy Assistant Secretary of State Sonata Coulter.",
  "The first round of the consultations was held in Istanbul on February 27 and lasted more than six hours, according to both sides.",
];

export async function startFeedServer(opts: { benchFeeds?: number; robotsStatus?: number } = {}): Promise<FeedServer> {
  let version = 1;
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const holds = new Map<string, { arrive: (answer: () => void) => void }>();
  let inFlight = 0;
  const server = createServer((req, res) => {
    const arrived = performance.now();
    inFlight++;
    fs.maxInFlight = Math.max(fs.maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    const path = (req.url ?? "/").split("?")[0];
    const log = (status: number) => requests.push({ path, headers: req.headers, status, at: arrived });
    const send = (status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}) => {
      log(status);
      res.writeHead(status, { "content-type": type, ...headers });
      res.end(body);
    };
    const feed = (body: string, type: string) => conditional(req.headers, res, body, type, version, log);
    const base = fs.base;
    const held = holds.get(path);
    if (held) {
      holds.delete(path);
      log(0);
      held.arrive(() => {
        if (!res.destroyed) answer();
      });
      return;
    }
    answer();

    function answer(): void {
      const own = fs.feeds.get(path);
      if (own) {
        const format = own.format ?? "rss";
        if (format === "atom") return feed(atom(own.items), "application/atom+xml");
        if (format === "json") return feed(jsonFeed(own.items), "application/feed+json");
        return feed(rss(own.items), "application/rss+xml; charset=utf-8");
      }
      const page = fs.pages.get(path);
      if (page) return send(200, articlePage(page.title, page.paragraphs), "text/html; charset=utf-8");
      switch (path) {
        case "/robots.txt":
          if (opts.robotsStatus) return send(opts.robotsStatus, "", "text/plain");
          return send(200, "User-agent: ParleyBot\nDisallow: /private/\n\nUser-agent: *\nAllow: /\n", "text/plain");
        case "/rss.xml":
          return feed(rss(fs.items), "application/rss+xml; charset=utf-8");
        case "/rdf.xml":
          return feed(rdf(fs.items), "application/rdf+xml");
        case "/atom.xml":
          return feed(atom(fs.items), "application/atom+xml");
        case "/feed.json":
          return feed(jsonFeed(fs.items), "application/feed+json");
        case "/private/feed.xml":
          return feed(rss(fs.items), "application/rss+xml");
        case "/cp1251.xml": {
          const items: FeedServerItem[] = [
            { guid: "cp1251-1", title: CP1251_TITLE, link: `${base}/articles/cp1251-1.html`, pubDate: "Tue, 08 Apr 2025 21:30:00 +0300", description: `Министр иностранных дел России Сергей Лавров и госсекретарь США Марко Рубио провели телефонный разговор по инициативе американской стороны, сообщили в МИД России. ${"Стороны обсудили подготовку следующего раунда консультаций. ".repeat(8)}` },
          ];
          // Declared in the prolog only: the header names no charset, as many Russian sites do.
          return send(200, encodeCyrillic(rss(items, "windows-1251"), "windows-1251"), "text/xml");
        }
        case "/koi8-teaser.xml":
          return send(
            200,
            rss([{ guid: "koi8-1", title: KOI8_TITLE, link: `${base}/articles/koi8.html`, pubDate: "Tue, 08 Apr 2025 10:00:00 +0300", description: "Подробности в статье." }]),
            "application/rss+xml; charset=utf-8",
          );
        case "/articles/koi8.html":
          return send(
            200,
            encodeCyrillic(
              articlePage(KOI8_TITLE, ["Второй раунд российско-американских консультаций по работе посольств состоится в Стамбуле в четверг, 10 апреля, сообщили в МИД России.", "Российскую делегацию возглавит директор департамента Северной Америки МИД Александр Дарчиев."], "koi8-r"),
              "koi8-r",
            ),
            "text/html",
          );
        case "/malformed.xml":
          // Cut off mid-item, with a bare ampersand: the first item must still come through.
          return send(200, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken & co</title><item><title>Kept item</title><link>${base}/articles/kept.html</link><guid>kept</guid><description>Some text &amp; more</description></item><item><title>Cut off`, "application/rss+xml");
        case "/not-a-feed.html":
          return send(200, "<!doctype html><html><body><p>Page not found, try the home page.</p></body></html>", "text/html");
        case "/slow.xml":
          // Never answers: only the client's timeout ends this.
          log(0);
          return;
        case "/fail.xml":
          return send(500, "Internal Server Error", "text/plain");
        case "/busy.xml":
          return send(503, "busy", "text/plain", { "retry-after": "7200" });
        case "/redirect.xml":
          return send(301, "", "text/plain", { location: "moved/rss.xml" });
        case "/moved/rss.xml":
          return send(302, "", "text/plain", { location: "/atom.xml" });
        case "/loop-a.xml":
          return send(302, "", "text/plain", { location: "/loop-b.xml" });
        case "/loop-b.xml":
          return send(302, "", "text/plain", { location: "/loop-a.xml" });
        case "/huge.xml":
          log(200);
          res.writeHead(200, { "content-type": "application/rss+xml" });
          res.write(`<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>`);
          // 4 MiB of items, sent without a Content-Length: the cap must hold while streaming.
          for (let i = 0; i < 4096; i++) res.write(`<item><title>${"x".repeat(1000)}</title></item>`);
          res.end("</channel></rss>");
          return;
      }
      const article = path.match(/^\/articles\/([\w-]+)\.html$/);
      if (article) return send(200, articlePage(`Article ${article[1]}`, ARTICLE_PARAGRAPHS), "text/html; charset=utf-8");
      const bench = path.match(/^\/bench\/(\d+)\.xml$/);
      if (bench && Number(bench[1]) < (opts.benchFeeds ?? 0)) return send(200, benchFeed(Number(bench[1]), fs.base), "application/rss+xml; charset=utf-8");
      send(404, "not found", "text/plain");
    }
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fs: FeedServer = {
    base,
    url: (p) => `${base}${p}`,
    items: [],
    bump: () => void version++,
    requests,
    feeds: new Map(),
    pages: new Map(),
    hold(path) {
      let arrived!: () => void;
      let answer: (() => void) | undefined;
      let released = false;
      const promise = new Promise<void>((r) => (arrived = r));
      holds.set(path, {
        arrive: (a) => {
          answer = a;
          arrived();
          if (released) a();
        },
      });
      return {
        arrived: promise,
        release: () => {
          released = true;
          answer?.();
        },
      };
    },
    maxInFlight: 0,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
  return fs;
}

/** The validators follow `version`; gzip when asked, as most outlets do. */
function conditional(headers: IncomingHttpHeaders, res: ServerResponse, body: string, type: string, version: number, log: (status: number) => void): void {
  const etag = `"v${version}"`;
  const lastModified = new Date(Date.UTC(2025, 3, 8, 0, version)).toUTCString();
  if (headers["if-none-match"] === etag || (!headers["if-none-match"] && headers["if-modified-since"] === lastModified)) {
    log(304);
    res.writeHead(304, { etag, "last-modified": lastModified });
    res.end();
    return;
  }
  log(200);
  const gzip = /\bgzip\b/.test(String(headers["accept-encoding"] ?? ""));
  res.writeHead(200, { "content-type": type, etag, "last-modified": lastModified, ...(gzip ? { "content-encoding": "gzip" } : {}) });
  res.end(gzip ? gzipSync(body) : body);
}

/** 30 items with full text; every fourth feed's first five are teasers, so their article pages are fetched and read too. */
function benchFeed(n: number, base: string): string {
  const items: FeedServerItem[] = [];
  for (let i = 0; i < 30; i++) {
    const teaser = n % 4 === 0 && i < 5;
    items.push({
      guid: `bench-${n}-${i}`,
      title: `Feed ${n}, story ${i}: ministers discuss the next round of consultations`,
      link: `${base}/articles/bench-${n}-${i}.html`,
      pubDate: new Date(Date.now() - i * 3_600_000).toUTCString(),
      description: teaser ? "Read more." : `<p>${"The two delegations met for several hours and agreed to continue the consultations at the level of experts. ".repeat(6)}</p>`,
    });
  }
  return rss(items);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startFeedServer({ benchFeeds: Number(process.argv[2] ?? 200) });
  process.stdout.write(`${server.base}\n`);
}
