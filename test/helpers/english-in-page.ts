// Finds English prose in a page meant to be Japanese: runs of two or more Latin words in the visible
// text, outside what is English on purpose (the language switch, code, quoted notice text, sign-in names).

/** Words that may stand in Japanese text: product and format names, the role names people type. */
const ALLOWED = new Set(['jikenbo', 'English', 'URL', 'API', 'CSV', 'JSON', 'JSONL', 'STIX', 'VERIS', 'Atom', 'PDF', 'HTML', 'SHA', 'NAME', 'admin', 'user', 'add', 'role', 'JST', 'UTC', 'JP', 'VPN', 'BCC', 'TO', 'USB', 'plain', 'UTF']);

/** The visible text of a page: no tags, no script or style, no element marked lang="en", no <code>. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style|code|textarea)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<(a|span|p|td|li)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    // Ids that are not words: UUIDs (export keys) and hashes.
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' ')
    .replace(/\b[0-9a-f]{16,64}\b/gi, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Each run of two or more Latin words (of two letters or more) not all allowed, e.g. "wrong name or password". */
export function englishIn(html: string, alsoAllowed: readonly string[] = []): string[] {
  const allowed = new Set([...ALLOWED, ...alsoAllowed]);
  const runs = visibleText(html).match(/[A-Za-z][A-Za-z'-]+(?:[ ,;:()]+[A-Za-z][A-Za-z'-]+)+/g) ?? [];
  return runs.filter((run) => run.split(/[ ,;:()]+/).some((w) => !allowed.has(w.replace(/[-']+$/, ''))));
}
