// Properties of the extraction: the post splitter, one post, a whole document; every evidence span inside its post.
import fc from 'fast-check';
import { JikenboError } from '../../src/core/errors.ts';
import { RECORD_KEYS, type IncidentRecord } from '../../src/core/record.ts';
import { extractDocument, extractPost } from '../../src/extract/extract.ts';
import type { Post } from '../../src/extract/post.ts';
import { splitPosts } from '../../src/extract/split-posts.ts';
import { casebookText, hostileText } from './arbitraries.ts';
import { assertSpanInside, attempt, bounded, type PropertySet } from './bounded-property.ts';

const ISO = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const anyText = fc.oneof(hostileText, casebookText);

/** Posts are slices of the text, in order, without overlap, each opening with its header line. */
function assertPosts(text: string, posts: Post[]): void {
  let end = 0;
  for (const post of posts) {
    assertSpanInside([post.start, post.end], text.length, 'post');
    if (post.start < end) throw new Error(`post at ${post.start} overlaps the one before (ends at ${end})`);
    if (text.slice(post.start, post.end) !== post.text) throw new Error(`post at ${post.start} is not the slice it claims`);
    if (!post.text.startsWith(post.header)) throw new Error(`post at ${post.start} does not open with its header`);
    end = post.end;
  }
  if (posts.length > 0 && end !== text.length) throw new Error(`the last post ends at ${end}, not at the end (${text.length})`);
}

/** Every evidence span lies inside the post's text; dates are dates, counts are counts. */
function assertRecord(post: Post, record: IncidentRecord): void {
  for (const [key, spans] of Object.entries(record.evidence)) {
    if (!(RECORD_KEYS as readonly string[]).includes(key)) throw new Error(`evidence for unknown key ${key}`);
    for (const span of spans ?? []) assertSpanInside(span, post.text.length, `evidence of ${key}`);
  }
  for (const key of ['disclosure_date', 'occurred_date', 'discovered_date'] as const) {
    const value = record[key];
    if (value !== null && !ISO.test(value)) throw new Error(`${key} ${value} is not YYYY-MM-DD`);
  }
  if (record.affected_count !== null && !(Number.isSafeInteger(record.affected_count) && record.affected_count > 0)) {
    throw new Error(`affected_count ${record.affected_count} is not a positive integer`);
  }
  // The record goes to the store as JSON: nothing in it may be lost on the way.
  const json = JSON.stringify(record);
  if (JSON.stringify(JSON.parse(json)) !== json) throw new Error('the record does not survive JSON');
}

export const properties: PropertySet = {
  splitPosts: bounded(anyText, (text) => {
    const posts = attempt(() => splitPosts(text));
    if (!(posts instanceof JikenboError)) assertPosts(text, posts);
  }),

  extractPost: bounded(hostileText, (text) => {
    // A post as splitPosts makes one: the header is its first line.
    const post: Post = { header: text.split('\n', 1)[0]!.trimEnd(), text, start: 0, end: text.length };
    const record = attempt(() => extractPost(post));
    if (!(record instanceof JikenboError)) assertRecord(post, record);
  }),

  extractDocument: bounded(anyText, (text) => {
    const extractions = attempt(() => extractDocument(text));
    if (extractions instanceof JikenboError) return;
    assertPosts(text, extractions.map((e) => e.post));
    for (const { post, record } of extractions) assertRecord(post, record);
  }),
};
