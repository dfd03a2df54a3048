// Bytes to text as outlets really send them. Russian and Ukrainian sites still serve
// windows-1251 and KOI8-R/U, often declared only in the XML prolog or an HTML <meta>, so the
// charset is looked for in the order browsers and feed readers use: a byte-order mark, the
// Content-Type header, then what the document says of itself, else UTF-8. Node's TextDecoder
// (full ICU since Node 13) knows every label the WHATWG Encoding Standard lists.

/** How far into a document its own charset declaration is looked for (HTML: 1024 bytes by the spec; XML prologs come first). */
const SNIFF_BYTES = 2048;

export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): string {
  const bom = bomCharset(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes); // the decoder drops the BOM itself
  const declared = usable(charsetOfContentType(contentType)) ?? usable(declaredInDocument(bytes));
  if (declared) return new TextDecoder(declared).decode(bytes);
  // Nothing declared: UTF-8, unless the bytes cannot be UTF-8, which in this corner of the web
  // means a Cyrillic single-byte page that never said so (windows-1251 by far the most common).
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

function bomCharset(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  return undefined;
}

export function charsetOfContentType(contentType: string | null | undefined): string | undefined {
  return contentType?.match(/charset\s*=\s*["']?([^"';\s]+)/i)?.[1];
}

/** The XML prolog's encoding, or an HTML <meta charset> / <meta http-equiv="Content-Type">. */
function declaredInDocument(bytes: Uint8Array): string | undefined {
  // Every charset this can name is ASCII-compatible in the bytes that spell the declaration.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, SNIFF_BYTES));
  const prolog = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i);
  if (prolog) return prolog[1];
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i);
  return meta?.[1];
}

/** The label if TextDecoder knows it; UTF-16 declared inside an ASCII-readable document is a lie. */
function usable(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    const encoding = new TextDecoder(label.trim().toLowerCase()).encoding;
    return encoding.startsWith("utf-16") ? undefined : encoding;
  } catch {
    return undefined;
  }
}
