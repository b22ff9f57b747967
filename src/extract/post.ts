// A post: one casebook entry or one bare notice, cut out of a document's text.

export interface Post {
  /** The post's first line, as written. */
  header: string;
  /** The post's text as stored (a slice of the document's text). */
  text: string;
  /** Where the post starts and ends in the document's text. */
  start: number;
  end: number;
}
