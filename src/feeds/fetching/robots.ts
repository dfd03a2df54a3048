// robots.txt, as RFC 9309 asks: fetched once per host and kept for a day at most; a robots.txt
// that is missing or refused (4xx) allows everything; one that cannot be had (5xx, no answer)
// means "assume everything is disallowed" until it is tried again a little later. Rules are
// matched by robots-parser (wildcards, longest match, Allow over Disallow on a tie), against
// the product token of our User-Agent.
import robotsParserModule from "robots-parser";

interface Robot {
  isDisallowed(url: string, ua?: string): boolean | undefined;
}
// The package is CommonJS exporting the function itself; its typings claim a default export.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robot;

export interface RobotsAnswer {
  status: number;
  text: string;
}

export interface RobotsOptions {
  /** Fetches a robots.txt (following its redirects); throws when there is no answer. */
  fetchRobots: (robotsUrl: string) => Promise<RobotsAnswer>;
  /** The product token rules are matched against ("ParleyBot"). */
  agent: string;
  now: () => number;
  /** How long a fetched robots.txt is trusted (RFC 9309: no more than 24 hours). */
  ttlMs?: number;
  /** How long an unreachable robots.txt keeps its host disallowed before it is tried again. */
  unreachableMs?: number;
}

type Verdict = { kind: "rules"; robot: Robot } | { kind: "allow-all" } | { kind: "unreachable"; why: string };

interface CacheEntry {
  until: number;
  verdict: Promise<Verdict>;
}

export class RobotsCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly ttlMs: number;
  private readonly unreachableMs: number;

  constructor(private readonly opts: RobotsOptions) {
    this.ttlMs = opts.ttlMs ?? 24 * 60 * 60_000;
    this.unreachableMs = opts.unreachableMs ?? 15 * 60_000;
  }

  /** Undefined when the URL may be fetched; else why not, in a few words. */
  async refusal(url: string): Promise<string | undefined> {
    const origin = new URL(url).origin;
    const now = this.opts.now();
    let entry = this.entries.get(origin);
    if (!entry || entry.until <= now) {
      // Callers asking at once about one host share one fetch.
      entry = { until: Number.POSITIVE_INFINITY, verdict: this.load(origin) };
      this.entries.set(origin, entry);
      const settled = entry;
      void settled.verdict.then((v) => (settled.until = this.opts.now() + (v.kind === "unreachable" ? this.unreachableMs : this.ttlMs)));
    }
    const verdict = await entry.verdict;
    if (verdict.kind === "allow-all") return undefined;
    if (verdict.kind === "unreachable") return `${origin}/robots.txt unreadable (${verdict.why}): the host is left alone until it can be read (RFC 9309)`;
    return verdict.robot.isDisallowed(url, this.opts.agent) ? `${origin}/robots.txt disallows it for ${this.opts.agent}` : undefined;
  }

  private async load(origin: string): Promise<Verdict> {
    const robotsUrl = `${origin}/robots.txt`;
    let answer: RobotsAnswer;
    try {
      answer = await this.opts.fetchRobots(robotsUrl);
    } catch (err) {
      return { kind: "unreachable", why: (err as Error).message };
    }
    if (answer.status >= 200 && answer.status < 300) return { kind: "rules", robot: robotsParser(robotsUrl, answer.text) };
    if (answer.status >= 400 && answer.status < 500) return { kind: "allow-all" };
    return { kind: "unreachable", why: `HTTP ${answer.status}` };
  }
}
