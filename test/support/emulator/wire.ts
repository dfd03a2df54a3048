// The Bot API's wire protocol: a refusal as Telegram words it, and parameters as they arrive
// (JSON values, or strings from a query string or an urlencoded body).

export interface ApiErrorSpec {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** An error the Bot API returns as `{ok:false,...}`. */
export class TelegramError extends Error {
  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters?: ApiErrorSpec["parameters"],
  ) {
    super(description);
  }
}

export const badRequest = (what: string) => new TelegramError(400, `Bad Request: ${what}`);
export const forbidden = (what: string) => new TelegramError(403, `Forbidden: ${what}`);

/** JSON with sorted keys and without null/undefined, for "is this the same content" comparisons. */
export function canonical(value: unknown): string {
  const norm = (v: any): any => {
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === "object") {
      const o: Record<string, any> = {};
      for (const k of Object.keys(v).sort()) if (v[k] !== undefined && v[k] !== null) o[k] = norm(v[k]);
      return o;
    }
    return v;
  };
  return JSON.stringify(norm(value) ?? null);
}

/** Parameters may arrive as JSON values or (query string / urlencoded) strings. */
export function asInt(v: unknown, name: string): number | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isInteger(n)) throw badRequest(`invalid ${name} specified`);
  return n;
}
export function asBool(v: unknown): boolean {
  return v === true || v === "true" || v === 1 || v === "1";
}
export function asString(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === "string" ? v : String(v);
}
export function asJson(v: unknown, errorText: string): any {
  if (typeof v !== "string") return v;
  if (v === "") return undefined;
  try {
    return JSON.parse(v);
  } catch {
    throw badRequest(errorText);
  }
}

/** Query string + JSON or urlencoded body → params (later sources win). */
export function parseParams(url: URL, contentType: string | undefined, body: string): Record<string, any> {
  const params: Record<string, any> = Object.fromEntries(url.searchParams);
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (body.trim() === "") return params;
  if (type === "application/json" || (type === "" && /^\s*\{/.test(body))) {
    const parsed = JSON.parse(body);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    return Object.assign(params, parsed);
  }
  if (type === "application/x-www-form-urlencoded") return Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
  // multipart/form-data is only needed for file uploads, which Parley does not do.
  throw new Error(`unsupported content type ${type}`);
}

