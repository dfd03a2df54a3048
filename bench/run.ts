// `npm run bench`: every figure of the benchmark in one run, each against its baseline or
// target, measured side by side on this machine (nothing here is compared with a number
// recorded elsewhere). Against the Bot API emulator on loopback.
//
//   npm run bench                 the full run (each 30/s digest to 10,000 takes ~6 minutes)
//   npm run bench -- --quick      smaller sizes, for a look in a minute or two
//   npx tsx bench/<item>.ts       one item alone (each file runs by itself), e.g. bench/feeds.ts
import { benchCommands } from "./commands.ts";
import { benchDelivery } from "./delivery.ts";
import { benchFeeds } from "./feeds.ts";
import { benchInline } from "./inline.ts";
import { benchIngest } from "./ingest.ts";
import { benchHttp } from "./http.ts";
import { printRows } from "./harness.ts";
import { benchPostgres, printSections, QUICK as PG_QUICK, FULL as PG_FULL } from "./postgres.ts";
import { benchPublish } from "./publish.ts";
import { benchScale } from "./scale.ts";
import { benchWrites } from "./writes.ts";

const quick = process.argv.includes("--quick");
const sizes = quick
  ? { subscribers: 1000, entries: 20_000, updates: 2000, scaleSubscribers: 20_000 }
  : { subscribers: 10_000, entries: 100_000, updates: 3000, scaleSubscribers: 100_000 };

const started = Date.now();
console.log(`Parley benchmark${quick ? " (quick)" : ""}: ${new Date().toISOString()}, node ${process.version}`);
printRows(`1–2. Digest delivery to ${sizes.subscribers} subscribers (50 ms round trip, Telegram's limits enforced)`, await benchDelivery({ subscribers: sizes.subscribers }));
printRows(`3. /latest and /next with ${sizes.entries} entries, against a bare grammY bot`, await benchCommands({ entries: sizes.entries, updates: sizes.updates, warmup: sizes.updates }));
printRows(
  `4. ${sizes.scaleSubscribers} subscribers and ${sizes.entries} entries: start-up, memory, (un)subscribe`,
  await benchScale({ subscribers: sizes.scaleSubscribers, entries: sizes.entries, updates: Math.min(2000, sizes.updates) }),
);
printRows(`5. An editor's /update on ${sizes.entries} entries: the writer on the main thread and in its worker`, await benchWrites({ entries: sizes.entries }));
printRows("6. Publish to first subscriber message, with the default DIGEST_CRON (a tick a minute)", await benchPublish({ publishes: 20 }));
printRows(`7. Inline queries with ${sizes.entries} entries (the bot process, loopback)`, await benchInline({ entries: sizes.entries }));
printRows(`8. The HTTP server with ${sizes.entries} entries: webhook against long polling, the public routes under load`, await benchHttp({ entries: sizes.entries, updates: Math.min(2000, sizes.updates), seconds: quick ? 2 : 5 }));
printRows("9. Reading the news: per-field accuracy per language over the labelled corpus, CPU time per article", benchIngest());
printRows(`10. Polling ${quick ? 50 : 200} feeds from the local feed server: readers' replies from the real bot polling and not, and the event loop's delay`, await benchFeeds({ feeds: quick ? 50 : 200 }));
// Skipped, with the reason, when no PostgreSQL server answers (PARLEY_TEST_DATABASE_URL).
printSections("11. PostgreSQL as the store: the record against the file, a million subscribers, three replicas and one leader", await benchPostgres(quick ? PG_QUICK : PG_FULL));
console.log(`\ndone in ${Math.round((Date.now() - started) / 1000)} s`);
