// `npm run events` as a person runs it: the real CLI in a child process against a temporary
// copy of a small record, asserting what it prints and its exit code (0 done, 1 fix the input,
// 2 fix the command line). Then many writers at once: nothing may be lost.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { describe, test, type TestContext } from "node:test";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/events.ts";
import { openDeskWriter } from "../../src/editorial/desk-writer.ts";
import type { EntryEdit } from "../../src/editorial/entry.ts";
import { describeProblem, parseEventLog } from "../../src/record/validate.ts";
import { RecordWriter } from "../../src/record-file/writer.ts";
import { entry, TRACKS } from "../support/fixtures.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const ROUND = entry({ id: "embassy-round-1" });
const CALL = entry({
  id: "call-1",
  track: "leaders",
  kind: "call",
  date: "2025-03-18",
  time: "14:00",
  timezone: "Europe/Moscow",
  place: { city: { en: "Moscow", ru: "Москва" } },
  title: { en: 'Call, "long" one', ru: "Разговор" },
  sources: [
    { outlet: "TASS", url: "https://tass.com/1", language: "en" },
    { outlet: "Kremlin", language: "ru" },
  ],
});
const NEXT = entry({ id: "next-round", status: "announced", date: null, title: { ru: "Следующий раунд" } });
const ENTRIES = [CALL, ROUND, NEXT];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real CLI in a child process, as `npm run events` runs it. */
function events(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/events.ts", ...args], { cwd: ROOT, env: { ...process.env, ...opts.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? "");
  });
}

/**
 * The same CLI's `main` called in this process: each child process costs half a second of
 * CPU, so the many variations of one command run here, and every command and exit code also
 * runs at least once for real above.
 */
async function inProcess(args: string[], opts: { input?: string } = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const stdin = Readable.from([Buffer.from(opts.input ?? "")]) as unknown as NodeJS.ReadStream;
  const code = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t), stdin });
  return { code, stdout, stderr };
}

async function record(t: TestContext, entries: object[] = ENTRIES) {
  const dir = await mkdtemp(join(tmpdir(), "parley-cli-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, "events.json");
  const text = `${JSON.stringify({ tracks: TRACKS, entries }, null, 2)}\n`;
  await writeFile(file, text);
  return {
    dir,
    file,
    text,
    auditFile: join(dir, "state", "audit.jsonl"),
    run: (args: string[], opts?: { input?: string; env?: NodeJS.ProcessEnv }) => events(["--file", file, ...args], opts),
    call: (args: string[], opts?: { input?: string }) => inProcess(["--file", file, ...args], opts),
    read: () => readFile(file, "utf8"),
    entries: async () => JSON.parse(await readFile(file, "utf8")).entries as { [key: string]: unknown }[],
  };
}

const columns = (line: string) => line.split(/ {2,}/).map((c) => c.trim());

describe("events CLI", { concurrency: 2 }, () => {
  test("--help prints every command and exits 0", async () => {
    for (const r of [await events(["--help"]), await inProcess(["list", "--help"])]) {
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^usage: npm run events -- <command> \[options\]/);
      for (const command of ["list", "show", "add", "update", "validate", "export", "history", "revert"]) assert.match(r.stdout, new RegExp(`\\n  ${command}\\b`));
      assert.equal(r.stderr, "");
    }
  });

  test("command-line mistakes exit 2 with the reason and a usage line on stderr", async (t) => {
    const s = await record(t);
    const cases: [string[], RegExp][] = [
      [[], /^error: no command given\nusage: npm run events -- <command> \[options\]/],
      [["frob"], /^error: unknown command "frob"\nusage:/],
      [["list", "--bogus"], /^error: Unknown option '--bogus'\nusage: npm run events -- list \[--track T\]/],
      [["list", "--format", "csv"], /^error: "list" does not take --format\n/],
      [["list", "--status", "done"], /^error: --status must be one of announced, scheduled, held, postponed, cancelled\n/],
      [["list", "--from", "2025-02-30"], /^error: --from must be a date YYYY-MM-DD, not "2025-02-30"\n/],
      [["show"], /^error: "show" needs an argument\nusage: npm run events -- show <id>\n/],
      [["show", "a", "b"], /^error: unexpected argument "b"\n/],
      [["list", "--track"], /^error: Option '--track <value>' argument missing\n/],
      [["export", "--format", "xml"], /^error: --format must be json or csv, not "xml"\n/],
      [["update", "call-1"], /^error: nothing to change; give at least one change such as --status held\n/],
      [["update", "call-1", "--status", "done"], /^error: --status must be one of announced, scheduled, held, postponed, cancelled\nusage: npm run events -- update <id>/],
      [["update", "call-1", "--participant", "Lavrov"], /^error: --participant must be "name\|role\|side" \(role may be empty\), not "Lavrov"\n/],
      [["update", "call-1", "--source-url", "https://example.com"], /^error: a new source needs --source-outlet and --source-lang/],
      [["update", "call-1", "--outcome-lang", "de", "--outcome", "x"], /^error: --outcome-lang must be one of en, ru, uk\n/],
      [["add"], /^error: no JSON on stdin; give a file or pipe an entry in\nusage: npm run events -- add/],
    ];
    const real = new Set(["", "frob", "list --bogus"]);
    const runs = await Promise.all(cases.map(([args]) => (real.has(args.join(" ")) ? s.run(args) : s.call(args))));
    runs.forEach((r, i) => {
      const [args, pattern] = cases[i];
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, pattern, args.join(" "));
      assert.match(r.stderr, /\nrun "npm run events -- --help" for every command and option\n$/);
      assert.equal(r.stdout, "");
    });
    assert.equal(await s.read(), s.text);
  });

  test("list prints one line per entry, oldest first and undated last, and filters", async (t) => {
    const s = await record(t);
    const all = await s.run(["list"]);
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual(all.stdout.trimEnd().split("\n").map(columns), [
      ["2025-02-27", "embassy-round-1", "embassy-operations", "round", "held", "Istanbul round"],
      ["2025-03-18", "call-1", "leaders", "call", "held", 'Call, "long" one'],
      ["undated", "next-round", "embassy-operations", "round", "announced", "[ru] Следующий раунд"],
    ]);
    const ids = (r: Run) => r.stdout.trimEnd().split("\n").filter(Boolean).map((l) => columns(l)[1]);
    const [track, status, from, to, range, none] = await Promise.all([
      s.call(["list", "--track", "leaders"]),
      s.call(["list", "--status", "announced"]),
      s.call(["list", "--from", "2025-03-01"]),
      s.call(["list", "--to", "2025-02-27"]),
      s.call(["list", "--from", "2025-02-01", "--to", "2025-03-31", "--track", "embassy-operations"]),
      s.call(["list", "--track", "leaders", "--status", "cancelled"]),
    ]);
    assert.deepEqual(ids(track), ["call-1"]);
    assert.deepEqual(ids(status), ["next-round"]);
    assert.deepEqual(ids(from), ["call-1"]);
    assert.deepEqual(ids(to), ["embassy-round-1"]);
    assert.deepEqual(ids(range), ["embassy-round-1"]);
    assert.equal(none.code, 0);
    assert.equal(none.stdout, "");
    assert.equal(none.stderr, "no entries match\n");
    const unknown = await s.call(["list", "--track", "nope"]);
    assert.equal(unknown.code, 1);
    assert.equal(unknown.stderr, `${s.file}: no track "nope"; tracks are: embassy-operations, leaders\n`);
  });

  test("show prints the entry as JSON; an unknown id exits 1 with a suggestion", async (t) => {
    const s = await record(t);
    const [shown, unknown, near] = await Promise.all([s.run(["show", "call-1"]), s.run(["show", "nope"]), s.call(["show", "call"])]);
    assert.equal(shown.code, 0);
    assert.deepEqual(JSON.parse(shown.stdout), CALL);
    assert.equal(unknown.code, 1);
    assert.equal(unknown.stderr, `${s.file}: no entry with id "nope"\n`);
    assert.equal(near.code, 1);
    assert.match(near.stderr, /no entry with id "call"; did you mean call-1\?/);
  });

  test("add takes a file, '-' or piped stdin, and one entry or an array", async (t) => {
    const s = await record(t);
    const inputFile = join(s.dir, "new.json");
    await writeFile(inputFile, JSON.stringify(entry({ id: "from-file" })));
    const fromFile = await s.run(["add", inputFile]);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.equal(fromFile.stdout, 'added "from-file" (embassy-operations, 2025-02-27)\n');
    const dash = await s.run(["add", "-"], { input: JSON.stringify(entry({ id: "from-dash", date: null, status: "announced" })) });
    assert.equal(dash.code, 0, dash.stderr);
    assert.equal(dash.stdout, 'added "from-dash" (embassy-operations, undated)\n');
    const piped = await s.run(["add"], { input: JSON.stringify([entry({ id: "a-1" }), entry({ id: "a-2", track: "leaders" })]) });
    assert.equal(piped.code, 0, piped.stderr);
    assert.equal(piped.stdout, 'added "a-1" (embassy-operations, 2025-02-27)\nadded "a-2" (leaders, 2025-02-27)\n');
    assert.deepEqual(
      (await s.entries()).map((e) => e.id),
      ["call-1", "embassy-round-1", "next-round", "from-file", "from-dash", "a-1", "a-2"],
    );
    const audit = (await readFile(s.auditFile, "utf8")).trimEnd().split("\n").map((l) => JSON.parse(l));
    assert.equal(audit.length, 4);
    assert.deepEqual(audit[0].actor, { kind: "cli", name: userInfo().username });
    assert.deepEqual(
      audit.map((a) => [a.action, a.id]),
      [
        ["add", "from-file"],
        ["add", "from-dash"],
        ["add", "a-1"],
        ["add", "a-2"],
      ],
    );
  });

  test("add refuses bad input with exit 1, says what to fix, and writes nothing", async (t) => {
    const s = await record(t);
    const [json, invalid, duplicate, missing, partly] = await Promise.all([
      s.call(["add", "-"], { input: "{ id: 1 }" }),
      s.run(["add", "-"], { input: JSON.stringify(entry({ id: "bad", date: "2025-13-01", kind: "lunch" })) }),
      s.call(["add", "-"], { input: JSON.stringify(entry({ id: "call-1" })) }),
      s.call(["add", join(s.dir, "missing.json")]),
      s.call(["add", "-"], { input: JSON.stringify([entry({ id: "good" }), entry({ id: "bad", track: "nope" })]) }),
    ]);
    assert.equal(json.code, 1);
    assert.match(json.stderr, /^stdin: not valid JSON: /);
    assert.equal(invalid.code, 1);
    assert.equal(
      invalid.stderr,
      [
        `${s.file}, entry "bad", field "kind": must be one of call, meeting, round, summit, other`,
        `${s.file}, entry "bad", field "date": must be YYYY-MM-DD or YYYY-MM`,
        `${s.file}: nothing was written`,
        "",
      ].join("\n"),
    );
    assert.equal(duplicate.code, 1);
    assert.match(duplicate.stderr, /entry "call-1", field "id": an entry with id "call-1" already exists; choose another id\n/);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /missing\.json: cannot read it \(ENOENT/);
    assert.equal(partly.code, 1);
    assert.match(partly.stderr, /entry "bad", field "track": unknown track "nope"/);
    for (const r of [json, invalid, duplicate, missing, partly]) assert.equal(r.stdout, "");
    assert.equal(await s.read(), s.text);
  });

  test("update changes fields and prints each changed field before and after", async (t) => {
    const s = await record(t);
    const r = await s.run([
      "update",
      "embassy-round-1",
      "--status",
      "postponed",
      "--outcome",
      "Перенесено",
      "--outcome-lang",
      "ru",
      "--participant",
      "Sergey Lavrov||RU",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const participants = [...(ROUND.participants as object[]), { name: { en: "Sergey Lavrov" }, side: "RU" }];
    assert.equal(
      r.stdout,
      [
        'updated "embassy-round-1":',
        '  status: "held" → "postponed"',
        `  participants: ${JSON.stringify(ROUND.participants)} → ${JSON.stringify(participants)}`,
        '  outcome: (none) → {"ru":"Перенесено"}',
        "",
      ].join("\n"),
    );
    const saved = (await s.entries())[1];
    assert.equal(saved.status, "postponed");
    assert.deepEqual(saved.outcome, { ru: "Перенесено" });

    const undated = await s.call(["update", "call-1", "--date", "null", "--status", "announced", "--city", "Riyadh"]);
    assert.equal(undated.code, 0, undated.stderr);
    assert.equal(
      undated.stdout,
      [
        'updated "call-1":',
        '  status: "held" → "announced"',
        '  date: "2025-03-18" → null',
        '  time: "14:00" → (none)',
        '  place: {"city":{"en":"Moscow","ru":"Москва"}} → {"city":{"en":"Riyadh"}}',
        "",
      ].join("\n"),
    );
    const sourced = await s.call([
      "update",
      "call-1",
      "--source-outlet",
      "AP",
      "--source-lang",
      "en",
      "--source-url",
      "https://apnews.com/x",
      "--source-published",
      "2025-03-19",
    ]);
    assert.equal(sourced.code, 0, sourced.stderr);
    assert.deepEqual((await s.entries())[0].sources, [...(CALL.sources as object[]), { outlet: "AP", url: "https://apnews.com/x", published: "2025-03-19", language: "en" }]);
    const same = await s.call(["update", "call-1", "--status", "announced"]);
    assert.equal(same.code, 0);
    assert.equal(same.stdout, 'no change: "call-1" already has these values\n');
    // As in /update: a source already there is not added twice; a new side joins the parties.
    const again = await s.call(["update", "call-1", "--source-outlet", "AP", "--source-lang", "en", "--source-url", "https://apnews.com/x"]);
    assert.equal(again.stdout, 'no change: "call-1" already has these values\n');
    const ua = await s.call(["update", "call-1", "--participant", "Andrii Sybiha|Foreign Minister|UA"]);
    assert.equal(ua.code, 0, ua.stderr);
    assert.match(ua.stdout, /\n {2}parties: \["RU","US"\] → \["RU","US","UA"\]\n/);
  });

  test("update refuses an invalid result or an unknown id with exit 1", async (t) => {
    const s = await record(t);
    const [time, scheduled, unknown] = await Promise.all([
      s.run(["update", "call-1", "--date", "2025-04", "--time", "10:00"]),
      s.call(["update", "next-round", "--status", "scheduled"]),
      s.call(["update", "nope", "--status", "held"]),
    ]);
    assert.equal(time.code, 1);
    assert.equal(time.stderr, `${s.file}, entry "call-1", field "time": a time needs a full date (YYYY-MM-DD)\n${s.file}: nothing was written\n`);
    assert.equal(scheduled.code, 1);
    assert.match(scheduled.stderr, /entry "next-round", field "date": a "scheduled" entry needs a date; use "announced" when the date is not set/);
    assert.equal(unknown.code, 1);
    assert.equal(unknown.stderr, `${s.file}, entry "nope": no entry with id "nope"\n${s.file}: nothing was written\n`);
    assert.equal(await s.read(), s.text);
  });

  test("update --date follows the bot's /update: a postponed entry is scheduled again unless --status says otherwise", async (t) => {
    const postponed = entry({ id: "round-5", status: "postponed", date: "2025-04-10", endDate: "2025-04-11", time: "10:00", timezone: "Europe/Istanbul" });
    // What the bot saves when an editor gives /update a new date: the same desk writer, in
    // its worker thread as the bundled bot runs it.
    const byBot = async (change: EntryEdit) => {
      const s = await record(t, [postponed]);
      const desk = openDeskWriter({ file: s.file, auditFile: s.auditFile, workerFile: join(ROOT, "dist", "writer-worker.js") });
      t.after(() => desk.close());
      assert.ok(desk.offThread, "the bundled worker exists (npm run build)");
      assert.ok((await desk.update("round-5", change, { kind: "telegram", id: 1, name: "editor" })).ok);
      return s.read();
    };
    const byCli = async (args: string[]) => {
      const s = await record(t, [postponed]);
      const r = await s.run(["update", "round-5", ...args]);
      assert.equal(r.code, 0, r.stderr);
      return { stdout: r.stdout, file: await s.read(), entry: (await s.entries())[0] };
    };

    const [moved, movedByBot, timed, timedByBot, kept] = await Promise.all([
      byCli(["--date", "2025-06-02"]),
      byBot({ kind: "when", date: "2025-06-02" }),
      byCli(["--date", "2025-06-02", "--time", "11:00"]),
      byBot({ kind: "when", date: "2025-06-02", time: "11:00", timezone: "Europe/Istanbul" }),
      byCli(["--date", "2025-06-02", "--status", "postponed"]),
    ]);
    assert.equal(moved.file, movedByBot);
    const { endDate, time, ...rest } = postponed;
    assert.deepEqual([endDate, time], ["2025-04-11", "10:00"]);
    assert.deepEqual(moved.entry, { ...rest, status: "scheduled", date: "2025-06-02" });
    assert.equal(
      moved.stdout,
      ['updated "round-5":', '  status: "postponed" → "scheduled"', '  date: "2025-04-10" → "2025-06-02"', '  endDate: "2025-04-11" → (none)', '  time: "10:00" → (none)', ""].join("\n"),
    );
    assert.equal(timed.file, timedByBot);
    assert.deepEqual(timed.entry, { ...rest, status: "scheduled", date: "2025-06-02", time: "11:00" });
    // The status given in the same command wins: still postponed, at its new date.
    assert.deepEqual(kept.entry, { ...rest, date: "2025-06-02" });
  });

  test("validate prints the same problems as the bot's loader, or a count when valid", async (t) => {
    const s = await record(t);
    const ok = await s.run(["validate"]);
    assert.equal(ok.code, 0);
    assert.equal(ok.stdout, `${s.file}: 3 entries in 2 tracks, valid\n`);
    const bad = join(s.dir, "bad.json");
    const badText = JSON.stringify({ tracks: TRACKS, entries: [entry({ id: "x", date: "2025-02-30" }), entry({ id: "x", track: "nope" })] });
    await writeFile(bad, badText);
    const r = await events(["validate", bad]);
    assert.equal(r.code, 1);
    const expected = parseEventLog(badText, bad);
    assert.ok(!expected.ok);
    assert.equal(r.stderr, [...expected.problems.map(describeProblem), `${bad}: fix the problems above first (npm run events -- validate)`, ""].join("\n"));
    assert.equal(expected.problems.length, 2);
    const fromDataDir = await events(["validate"], { env: { DATA_DIR: s.dir } });
    assert.equal(fromDataDir.stdout, `${join(s.dir, "events.json")}: 3 entries in 2 tracks, valid\n`);
    const missing = await inProcess(["validate", join(s.dir, "nowhere", "events.json")]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nowhere\/events\.json: no such file; pass --file PATH or set DATA_DIR\n/);
  });

  test("export writes the record as JSON or as RFC 4180 CSV", async (t) => {
    const s = await record(t);
    const [json, csv] = await Promise.all([s.run(["export", "--format", "json"]), s.run(["export", "--format", "csv"])]);
    assert.equal(json.code, 0);
    const parsed = parseEventLog(s.text, s.file);
    assert.ok(parsed.ok);
    assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(parsed.log)));
    assert.equal(csv.code, 0);
    assert.equal(
      csv.stdout,
      [
        "id,track,kind,status,date,end_date,time,timezone,city,title_en,title_ru,title_uk,sources",
        'call-1,leaders,call,held,2025-03-18,,14:00,Europe/Moscow,Moscow,"Call, ""long"" one",Разговор,,TASS https://tass.com/1; Kremlin',
        "embassy-round-1,embassy-operations,round,held,2025-02-27,,,,,Istanbul round,Раунд в Стамбуле,Раунд у Стамбулі,Meduza https://meduza.io/en/news/2025/02/28/x",
        "next-round,embassy-operations,round,announced,,,,,,,Следующий раунд,,Meduza https://meduza.io/en/news/2025/02/28/x",
        "",
      ].join("\r\n"),
    );
  });

  test("history lists the recorded changes; revert undoes the last one", async (t) => {
    const s = await record(t);
    const none = await s.call(["history", "call-1"]);
    assert.equal(none.code, 0);
    assert.equal(none.stdout, 'no recorded changes to "call-1" (entries edited by hand are not in the audit log)\n');
    const nothingToRevert = await s.call(["revert", "call-1"]);
    assert.equal(nothingToRevert.code, 1);
    assert.match(nothingToRevert.stderr, /no recorded change to entry "call-1" to revert/);

    assert.equal((await s.call(["update", "call-1", "--status", "postponed"])).code, 0);
    const history = await s.run(["history", "call-1"]);
    assert.equal(history.code, 0);
    const who = `cli:${userInfo().username}`;
    assert.match(history.stdout, new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z  update  ${who}\\n  status: "held" → "postponed"\\n$`));

    const reverted = await s.run(["revert", "call-1"]);
    assert.equal(reverted.code, 0, reverted.stderr);
    assert.equal(reverted.stdout, 'reverted "call-1":\n  status: "postponed" → "held"\n');
    assert.equal(await s.read(), s.text);
    const after = await s.call(["history", "call-1"]);
    assert.deepEqual(
      after.stdout.split("\n").filter((l) => !l.startsWith("  ") && l).map((l) => columns(l)[1]),
      ["update", "revert"],
    );

    assert.equal((await s.call(["add", "-"], { input: JSON.stringify(entry({ id: "fresh" })) })).code, 0);
    const removed = await s.call(["revert", "fresh"]);
    assert.equal(removed.stdout, 'reverted "fresh": removed it (its last recorded change added it)\n');
    assert.equal(await s.read(), s.text);

    const [unknownHistory, unknownRevert] = await Promise.all([s.call(["history", "nope"]), s.call(["revert", "nope"])]);
    assert.equal(unknownHistory.code, 1);
    assert.equal(unknownHistory.stderr, `${s.file}: no entry with id "nope" and no recorded change to one\n`);
    assert.equal(unknownRevert.code, 1);
  });
});

test("many writers at once: separate processes and one in-process writer lose nothing", async (t) => {
  const s = await record(t);
  const PROCESSES = 4;
  const PER_PROCESS = 50;
  const IN_PROCESS = 100;
  const writers = Array.from({ length: PROCESSES }, (_, p) =>
    spawn(process.execPath, ["--import", "tsx", "test/support/add-entries.ts", s.file, s.auditFile, `p${p}`, String(PER_PROCESS)], { cwd: ROOT }),
  );
  const exits = writers.map(
    (child) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        let stderr = "";
        child.stderr.on("data", (d) => (stderr += d));
        child.on("close", (code) => resolve({ code, stderr }));
      }),
  );
  // Start everyone at the same moment: wait until each process has loaded and says so.
  await Promise.all(writers.map((child) => new Promise((resolve) => child.stdout.once("data", resolve))));
  for (const child of writers) child.stdin.end("go\n");
  const cliAdds = [0, 1].map((i) => s.run(["add", "-"], { input: JSON.stringify(entry({ id: `cli-${i}` })) }));
  const writer = new RecordWriter({ file: s.file, auditFile: s.auditFile, lockTimeoutMs: 60_000 });
  const inProcess = await Promise.all(
    Array.from({ length: IN_PROCESS }, (_, i) => writer.add(entry({ id: `in-${i}` }), { kind: "telegram", id: 1, name: "bot" })),
  );

  for (const exit of await Promise.all(exits)) assert.equal(exit.code, 0, exit.stderr);
  // A CLI writer waits 10 s for the lock and then gives up, changing nothing, as it says; with
  // 300 writes queued for it on a busy machine it may. Then its entry must not be there.
  const cliAdded: string[] = [];
  for (const [i, r] of (await Promise.all(cliAdds)).entries()) {
    if (r.code === 0) cliAdded.push(`cli-${i}`);
    else {
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /is held by another writer .*gave up after [\d.]+ s and changed nothing/);
    }
  }
  assert.ok(inProcess.every((r) => r.ok));

  const expected = [
    ...ENTRIES.map((e) => e.id as string),
    ...Array.from({ length: PROCESSES * PER_PROCESS }, (_, i) => `p${Math.floor(i / PER_PROCESS)}-${i % PER_PROCESS}`),
    ...Array.from({ length: IN_PROCESS }, (_, i) => `in-${i}`),
    ...cliAdded,
  ];
  const parsed = parseEventLog(await s.read(), s.file);
  assert.ok(parsed.ok, parsed.ok ? "" : parsed.problems.map(describeProblem).join("\n"));
  const ids = parsed.log.entries.map((e) => e.id);
  assert.equal(ids.length, expected.length);
  assert.deepEqual([...ids].sort(), [...expected].sort());
  // Each writer's own entries are in the order it added them.
  for (let p = 0; p < PROCESSES; p++) {
    const own = ids.filter((id) => id.startsWith(`p${p}-`));
    assert.deepEqual(own, Array.from({ length: PER_PROCESS }, (_, i) => `p${p}-${i}`));
  }
  const audit = (await readFile(s.auditFile, "utf8")).trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.equal(audit.length, expected.length - ENTRIES.length, "one audit line per add");
  assert.ok(audit.every((a) => a.action === "add" && a.before === null));
  assert.deepEqual(audit.map((a) => a.id).sort(), expected.slice(ENTRIES.length).sort());
  assert.ok(!(await readFile(`${s.file}.lock`).catch(() => null)), "the lock is released");
});
