// The cue patterns of vocabulary.ts list dozens of words, each behind the same "no letter before"
// (`(?<![\p{L}])`): "(?<![\p{L}])отмен|(?<![\p{L}])сорван|…". The regex engine tries every word at
// every position of a sentence, and checks the letter before each time; with the check said once
// for a run of such words, "(?<![\p{L}])(?:отмен|сорван|…)", it is checked once per position and
// the words after it are compared as one alternation. The two patterns match the same text at the
// same place with the same groups (the check takes no text and has no group, and the words keep
// their order), so this changes only how fast a sentence is read.

/** The check that no letter stands before a word, as vocabulary.ts writes it. */
const WORD_START = "(?<![\\p{L}])";

/**
 * How many words a run must have to be factored: the engine compares a short list of words quickly
 * as written (timed over the corpus: the lists of tenses and of saying, of dozens of words, are read
 * two to three times faster factored; lists of a few words no faster, some slower).
 */
const LONG_RUN = 24;

/** A regex source with every long run of alternatives that open on WORD_START rewritten to say it once. */
export function sayWordStartOnce(source: string): string {
  return factorAlternatives(source);
}

/** An alternation (a whole source or a group's body), its groups rewritten, its runs factored. */
function factorAlternatives(body: string): string {
  const alternatives = splitAlternatives(body).map(rewriteGroups);
  const out: string[] = [];
  for (let i = 0; i < alternatives.length; ) {
    let j = i;
    while (j < alternatives.length && opensOnWordStart(alternatives[j])) j++;
    if (j - i >= LONG_RUN) {
      out.push(`${WORD_START}(?:${alternatives.slice(i, j).map((a) => a.slice(WORD_START.length)).join("|")})`);
      i = j;
    } else {
      out.push(alternatives[i]);
      i++;
    }
  }
  return out.join("|");
}

/** Does the alternative open on the check, with no quantifier on it? */
function opensOnWordStart(alternative: string): boolean {
  return alternative.startsWith(WORD_START) && !/^[*+?{]/u.test(alternative.slice(WORD_START.length));
}

/** The end of the token at `i`: past an escape, a character class, or one character. */
function tokenEnd(source: string, i: number): number {
  if (source[i] === "\\") return i + 2;
  if (source[i] !== "[") return i + 1;
  let k = i + 1;
  while (k < source.length && source[k] !== "]") k += source[k] === "\\" ? 2 : 1;
  return k + 1;
}

/** The alternatives of a body, split at its own "|" (not inside groups, classes or escapes). */
function splitAlternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(body.slice(from, i));
      from = i + 1;
    }
    i = tokenEnd(body, i);
  }
  out.push(body.slice(from));
  return out;
}

/** An alternative with the body of each of its groups factored in turn. */
function rewriteGroups(alternative: string): string {
  let out = "";
  for (let i = 0; i < alternative.length; ) {
    if (alternative[i] !== "(") {
      const end = tokenEnd(alternative, i);
      out += alternative.slice(i, end);
      i = end;
      continue;
    }
    const close = closingParen(alternative, i);
    const opener = /^\((\?(:|=|!|<=|<!|<[\p{L}\p{N}_$]+>))?/u.exec(alternative.slice(i))![0];
    out += `${opener}${factorAlternatives(alternative.slice(i + opener.length, close))})`;
    i = close + 1;
  }
  return out;
}

/** The index of the ")" that closes the group opened at `open`. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; ) {
    if (source[i] === "(") depth++;
    else if (source[i] === ")" && --depth === 0) return i;
    i = tokenEnd(source, i);
  }
  throw new Error(`unbalanced group in /${source}/`);
}
