// Turns a user's query into an FTS5 MATCH expression built only from quoted tokens, so no user text is FTS5 syntax.

import { spellingsOf, type QueryPhrase } from '../../core/bigram.ts';

/** An FTS5 string: double quotes inside are doubled, everything else is literal. */
function quote(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

/**
 * `"情報 漏洩" AND "a 社" *`: each phrase one quoted string (its tokens adjacent, in order), a trailing
 * `*` where the last token is a prefix; phrases combine with AND. Null when there is nothing to find.
 */
export function ftsMatchExpression(phrases: readonly QueryPhrase[]): string | null {
  const one = (p: QueryPhrase) => quote(p.tokens.join(' ')) + (p.prefix ? ' *' : '');
  // A word with other spellings: `("漏 洩" OR "漏 えい" OR …)`, any one of them.
  const parts = phrases
    .filter((p) => p.tokens.length > 0)
    .map((p) => {
      const spellings = spellingsOf(p).filter((s) => s.tokens.length > 0);
      return spellings.length === 1 ? one(p) : `(${spellings.map(one).join(' OR ')})`;
    });
  return parts.length > 0 ? parts.join(' AND ') : null;
}
