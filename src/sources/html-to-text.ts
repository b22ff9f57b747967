// Turns an HTML page into the text of its main content, one line per block, title first.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { JikenboError } from '../core/errors.ts';
import { DEFAULT_DECODE_LIMITS } from './decode-limits.ts';

/** The little of the DOM this module reads; linkedom's own typings lean on the browser's lib.dom. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  closest?(selector: string): DomNode | null;
  remove?(): void;
}

interface DomDocument extends DomNode {
  documentElement: DomNode | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

// Block boundaries are written as markers first, so that nested blocks make one break, not several.
const LINE = '\u0001';
const PARAGRAPH = '\u0002';
const BREAKS = /[ \t]*[\u0001\u0002][\u0001\u0002 \t\n]*/g;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'HEAD', 'BUTTON', 'SELECT']);
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);
// Page chrome: menus, banners, sidebars, site footers. Not <form>: ASP.NET pages wrap everything in one.
const CHROME = 'nav, aside, header, footer, [role="navigation"], [role="banner"], [role="contentinfo"]';
// Below this share of the cleaned body, Readability has probably kept one box of a notice and lost the rest.
const MIN_ARTICLE_SHARE = 0.25;
const CJK = '\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef';
const CJK_SEGMENT_BREAK = new RegExp(`([${CJK}])[ \\t]*\\n\\s*(?=[${CJK}])`, 'g');

// Hostile pages: linkedom takes seconds to parse 100,000 nested tags and the renderer recurses per level,
// Readability's time grows with the square of the depth, and a DOM costs about 5 KB of memory per
// element. No notice nests that deep or has that many elements; such a page is refused, not read
// (the limits, maxHtmlDepth and maxHtmlElements, are in decode-limits.ts).
// Deeper than this, the body text is read without Readability (a second at depth 200).
const MAX_READABLE_DEPTH = 100;

export interface HtmlOptions {
  /** The file or URL the page came from; named in every error. */
  source?: string;
  /** Refuse a page nested deeper than this. */
  maxDepth?: number;
  /** Refuse a page with more elements than this. */
  maxElements?: number;
}

export function htmlToText(html: string, options: HtmlOptions = {}): string {
  const source = options.source ?? '(input)';
  const maxDepth = options.maxDepth ?? DEFAULT_DECODE_LIMITS.maxHtmlDepth;
  checkHtmlShape(html, options);
  // One parse (linkedom is most of an HTML page's time), read in the order that mutates it least first:
  // the heading from the page as it came, the body once the chrome is gone, then Readability, which
  // rewrites the tree it is given.
  const document = parse(html);
  const heading = headingOf(document);
  withoutChrome(document);
  // The estimate before parsing can miss nesting the parser builds (unclosed <li> in nested lists).
  const depth = domDepth(document);
  if (depth > maxDepth) tooComplex(source, `nested ${depth} levels deep, more than the limit of ${maxDepth}`);
  // Whole <html>, not <body>: linkedom leaves content outside <body> when a page omits the tag.
  const body = render(document.documentElement ?? document);
  const article = depth > MAX_READABLE_DEPTH ? '' : articleText(document);
  const text = article && article.length >= body.length * MIN_ARTICLE_SHARE ? withDateline(article, body, heading) : body;
  return withHeading(text, heading);
}

// Readability drops a short box between the title and the first paragraph when its class reads like
// page furniture (class="…meta…", "…info…"), and that box is where a notice prints its date and publisher.
// The short lines the page shows there are put back, after the title.
const DATELINE_MAX_LINES = 6;
const DATELINE_MAX_CHARS = 60;

function withDateline(article: string, body: string, heading: string): string {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const bodyLines = body.split('\n').filter((l) => l.trim());
  const articleLines = article.split('\n').filter((l) => l.trim());
  const h = heading ? squeeze(heading) : '';
  const first = articleLines.find((l) => !h || squeeze(l) !== h);
  if (!first || !h) return article;
  const at = bodyLines.findIndex((l) => squeeze(l) === h);
  const next = bodyLines.indexOf(first, at + 1);
  if (at < 0 || next < 0) return article;
  const between = bodyLines.slice(at + 1, next);
  if (between.length === 0 || between.length > DATELINE_MAX_LINES || between.some((l) => l.length > DATELINE_MAX_CHARS)) return article;
  const start = article.indexOf(first);
  return `${article.slice(0, start)}${between.join('\n')}\n\n${article.slice(start)}`;
}

/** The main content as Readability finds it, in a page whose chrome is gone; Readability rewrites `document`. */
function articleText(document: DomDocument): string {
  try {
    const reader = new Readability(document as never, { serializer: (node: unknown) => node as DomNode });
    const article = reader.parse();
    return article?.content ? render(article.content) : '';
  } catch {
    return ''; // Readability gives up on some malformed pages; the body text is the answer then
  }
}

function withoutChrome(document: DomDocument): DomDocument {
  for (const node of Array.from(document.querySelectorAll(CHROME))) {
    // A <header> or <footer> inside the article holds the notice's own title or signature.
    const own = node.nodeName !== 'NAV' && node.nodeName !== 'ASIDE' && node.parentNode?.closest?.('article, main');
    if (!own) node.remove?.();
  }
  return document;
}

/** The notice's title: its first <h1>, else the page <title> (read before the chrome goes: an <h1> may sit in a <header>). */
function headingOf(document: DomDocument): string {
  const h1 = document.querySelector('h1');
  const heading = h1 ? render(h1) : (document.querySelector('title')?.textContent ?? '');
  return heading.replace(/\s+/g, ' ').trim();
}

function withHeading(text: string, heading: string): string {
  if (!heading) return text;
  const firstLines = text.split('\n').filter((line) => line.trim()).slice(0, 5);
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  if (firstLines.some((line) => squeeze(line).includes(squeeze(heading)))) return text;
  return text ? `${heading}\n\n${text}` : heading;
}

/**
 * Refuses, before parsing, a page with too many tags or tags nested too deep: a notice, or a watched
 * news page (feed-links.ts) alike.
 */
export function checkHtmlShape(html: string, options: HtmlOptions = {}): void {
  const source = options.source ?? '(input)';
  const maxDepth = options.maxDepth ?? DEFAULT_DECODE_LIMITS.maxHtmlDepth;
  const maxElements = options.maxElements ?? DEFAULT_DECODE_LIMITS.maxHtmlElements;
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  // `[^<>]*`, not `[^>]*`: a run of '<' without '>' must not rescan to the end of the page at every '<'.
  const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>/g;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (!m[1]) elements++;
    if (VOID.has(name) || OPTIONAL_END.has(name) || m[0].endsWith('/>')) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  if (deepest > maxDepth) tooComplex(source, `nested ${deepest} levels deep, more than the limit of ${maxDepth}`);
  if (elements > maxElements) tooComplex(source, `${elements} elements, more than the limit of ${maxElements}`);
}

// Tags without content, and tags the parser closes at the next sibling: neither makes the page deeper.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'basefont', 'bgsound', 'frame']);
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rp', 'rt', 'rb', 'rtc', 'colgroup', 'caption', 'html', 'head', 'body']);

function tooComplex(source: string, why: string): never {
  throw new JikenboError('bad_input', `${source}: HTML ${why}`, { subject: source });
}

/** The depth of the element tree, walked without recursion. */
function domDepth(document: DomDocument): number {
  let deepest = 0;
  const stack: Array<[DomNode, number]> = [[document, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    if (depth > deepest) deepest = depth;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) if (children[i]!.nodeType === ELEMENT_NODE) stack.push([children[i]!, depth + 1]);
  }
  return deepest;
}

function parse(html: string): DomDocument {
  // linkedom builds no <html>/<body> around a fragment, and Readability needs them.
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  return parseHTML(page).document as unknown as DomDocument;
}

/** Renders a subtree as text: blocks on their own lines, table cells split by tabs, blank runs collapsed. */
function render(root: DomNode): string {
  const out: string[] = [];
  walk(root, out, false);
  return out
    .join('')
    .replace(BREAKS, (run) => (run.includes(PARAGRAPH) ? '\n\n' : '\n'))
    .split('\n')
    .map((line) => line.replace(/^[ \t\u3000]+$/, '').replace(/^[ \t]+|[ \t]+$/g, '').replace(/ *\t */g, '\t'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function walk(node: DomNode, out: string[], pre: boolean): void {
  if (node.nodeType === TEXT_NODE) {
    const raw = node.textContent ?? '';
    out.push(pre ? raw : raw.replace(CJK_SEGMENT_BREAK, '$1').replace(/[ \t\n\r\f]+/g, ' '));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIPPED.has(name)) return;
  if (name === 'BR') {
    out.push('\n');
    return;
  }
  const block = BLOCKS.has(name);
  const paragraph = name === 'P' || /^H[1-6]$/.test(name) || name === 'TABLE';
  if (name === 'TD' || name === 'TH') out.push('\t');
  if (block) out.push(paragraph ? PARAGRAPH : LINE);
  const children = Array.from(node.childNodes);
  for (const child of children) walk(child, out, pre || name === 'PRE');
  if (block) out.push(paragraph ? PARAGRAPH : LINE);
}
