// PostgreSQL's side of the bigram index: the tokens of bigram.ts written as tsvector and tsquery
// input text, so the engine never re-tokenises (its parser depends on the server's locale).

import { spellingsOf, type QueryPhrase } from '../../core/bigram.ts';

/** PostgreSQL keeps word positions up to 16383 and refuses lexemes of 2 KiB or more. */
const MAX_POSITION = 16383;
const MAX_LEXEME_BYTES = 2046;

/** A lexeme as tsvector/tsquery input: quoted, with quotes and backslashes escaped. */
export function quoteLexeme(token: string): string {
  if (!token.includes("'") && !token.includes('\\')) return `'${token}'`;
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

// A UTF-16 unit is at most 3 bytes of UTF-8 (a pair of surrogates, 4 bytes for 2): a token this short fits uncounted.
const fits = (token: string): boolean =>
  token.length > 0 && (token.length <= MAX_LEXEME_BYTES / 3 || Buffer.byteLength(token, 'utf8') <= MAX_LEXEME_BYTES);

/**
 * `'情報':1 '報漏':2,9`: each token (bigram.ts `tokenize`) with its positions from 1, as `$1::tsvector`
 * reads it. Positions past 16383 are held at 16383 (what PostgreSQL does itself), so phrases that far
 * into a notice can match loosely; every token there stays findable. Each distinct token is quoted
 * once and its positions appended as they come: a notice has thousands of tokens.
 */
export function tsvectorText(tokens: readonly string[]): string {
  const lists = new Map<string, { at: number; text: string }>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const at = i < MAX_POSITION ? i + 1 : MAX_POSITION;
    const list = lists.get(token);
    if (list === undefined) {
      if (fits(token)) lists.set(token, { at, text: `${quoteLexeme(token)}:${at}` });
    } else if (list.at !== at) {
      list.at = at;
      list.text += `,${at}`;
    }
  }
  let out = '';
  for (const list of lists.values()) out = out === '' ? list.text : `${out} ${list.text}`;
  return out;
}

/**
 * `'情報' <-> '報漏' & 'a' <-> '社':*`: each phrase its tokens adjacent and in order, a trailing `:*`
 * where the last token is a prefix; phrases combine with AND. Every token is quoted, so no user text
 * is tsquery syntax. Null when there is nothing to find.
 */
export function tsqueryText(phrases: readonly QueryPhrase[]): string | null {
  const wanted = phrases.filter((p) => p.tokens.length > 0);
  // A token too long for PostgreSQL to index can never be found: a spelling holding one matches nothing,
  // and a word with no other spelling left makes the whole query match nothing.
  const words = wanted.map((p) => spellingsOf(p).filter((s) => s.tokens.length > 0 && s.tokens.every(fits)));
  if (words.length === 0 || words.some((w) => w.length === 0)) return null;
  const one = (p: QueryPhrase) => `(${p.tokens.map(quoteLexeme).join(' <-> ')}${p.prefix ? ':*' : ''})`;
  return words.map((w) => (w.length === 1 ? one(w[0]!) : `(${w.map(one).join(' | ')})`)).join(' & ');
}

/**
 * `'個人' & '人情' & '情報'`: a phrase's tokens in any order and place. The GIN index answers it without
 * reading a single tsvector, so its count is a cheap upper bound of the phrase's; null when a token
 * cannot be indexed.
 */
export function tsqueryTokensText(phrase: QueryPhrase): string | null {
  const one = (p: QueryPhrase) => p.tokens.map((token, i) => quoteLexeme(token) + (p.prefix && i === p.tokens.length - 1 ? ':*' : '')).join(' & ');
  const spellings = spellingsOf(phrase).filter((p) => p.tokens.length > 0 && p.tokens.every(fits));
  if (spellings.length === 0) return null;
  // Other spellings: `(a & b) | (c & d)`, still answered by the GIN index alone.
  return spellings.length === 1 ? one(spellings[0]!) : spellings.map((p) => `(${one(p)})`).join(' | ');
}
