// Search snippets carry their matches between \u0001 and \u0002; these become <mark>, the rest escaped text.
import { html } from 'hono/html';
import type { Html } from './layout.ts';

export function markSnippet(snippet: string): Html[] {
  return snippet.split('\u0001').map((part, i) => {
    if (i === 0) return html`${part}`;
    const [hit = '', rest = ''] = part.split('\u0002');
    return html`<mark>${hit}</mark>${rest}`;
  });
}
