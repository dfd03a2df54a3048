// A process that only drains an outbox, as the bot's sender does: the crash test kills it with
// SIGKILL mid-way and starts it again, and the benchmark runs it apart from the emulator so the
// two do not share one event loop.
//
//   node --import tsx test/support/delivery-child.ts '{"stateDir":"…","apiRoot":"…","token":"…","rate":30}'
//
// Prints "ready" once the outbox is open, then one JSON line with the run's DeliveryStats.
import { Api } from "grammy";
import { FileOutbox } from "../../src/delivery/outbox.ts";
import { Sender } from "../../src/delivery/sender.ts";
import { createLogger } from "../../src/log.ts";

export interface DeliveryChildOptions {
  stateDir: string;
  apiRoot: string;
  token: string;
  rate?: number;
  paid?: boolean;
  concurrency?: number;
}

const opts = JSON.parse(process.argv[2] ?? "{}") as DeliveryChildOptions;
const log = createLogger({ level: "warn", token: opts.token });
const outbox = await FileOutbox.open(opts.stateDir);
const sender = new Sender({
  api: new Api(opts.token, { apiRoot: opts.apiRoot }),
  outbox,
  ratePerSecond: opts.rate,
  paid: opts.paid,
  concurrency: opts.concurrency,
  log,
  onRefusal: (r) => log.warn("refused", { kind: r.kind, chat: r.message.chatId }),
});
process.stdout.write(`ready ${outbox.pendingCount}\n`);
const stats = await sender.run();
await outbox.close();
process.stdout.write(`${JSON.stringify({ ...stats, concurrency: sender.concurrency })}\n`);
