// The Store port: the few operations the app needs, nothing about which engine serves them.
// Every method is async so that a PostgreSQL implementation can satisfy the same interface.

import type { IncidentRecord, IncidentType, Sector } from '../core/record.ts';

export interface DocumentInput {
  sha256: string;
  /** Where the bytes came from: a path or URL as the user gave it. */
  source: string;
  /** 'text/plain' | 'text/html' | 'application/pdf' */
  mediaType: string;
  /** The encoding the bytes were decoded from ('UTF-8', 'Shift_JIS', ...); null for PDF. */
  encoding: string | null;
  byteLength: number;
  /** The decoded text that posts were cut from. */
  text: string;
}

export interface NoticeInput {
  /** Position of the post in its document, from 0. */
  ordinal: number;
  start: number;
  end: number;
  text: string;
  record: IncidentRecord;
  extractorVersion: string;
}

export interface IngestResult {
  documentId: number;
  /** false when a document with the same SHA-256 was already stored: nothing was added. */
  created: boolean;
  noticeIds: number[];
}

export interface SearchFilters {
  type?: IncidentType;
  sector?: Sector;
  /** disclosure date range, inclusive, YYYY-MM-DD */
  from?: string;
  to?: string;
}

export interface NoticeSummary {
  id: number;
  documentId: number;
  header: string;
  organization: string | null;
  title: string | null;
  disclosureDate: string | null;
  incidentTypes: IncidentType[];
  affectedCount: number | null;
  sector: Sector | null;
  casebookId: string | null;
}

export interface SearchHit extends NoticeSummary {
  /** The matched passage with the query marked: text between '\u0001' and '\u0002' is a match. */
  snippet: string;
  /** Relevance; higher is better. Comparable only within one search. */
  score: number;
}

export interface StoredDocument {
  id: number;
  sha256: string;
  source: string;
  mediaType: string;
  encoding: string | null;
  byteLength: number;
  ingestedAt: string;
}

export interface NoticeDetail extends NoticeSummary {
  ordinal: number;
  text: string;
  record: IncidentRecord;
  extractorVersion: string;
  document: StoredDocument;
}

export interface ListOptions extends SearchFilters {
  limit?: number;
  offset?: number;
}

export interface Store {
  /**
   * Stores a document and its notices in one transaction. When a document with the same SHA-256 is
   * already stored, adds nothing and returns created=false with the existing ids.
   */
  ingestDocument(doc: DocumentInput, notices: NoticeInput[]): Promise<IngestResult>;
  hasDocument(sha256: string): Promise<boolean>;
  getDocument(id: number): Promise<StoredDocument | null>;
  getNotice(id: number): Promise<NoticeDetail | null>;
  /** Newest disclosure first; notices without a date last. */
  listNotices(options?: ListOptions): Promise<NoticeSummary[]>;
  countNotices(filters?: SearchFilters): Promise<number>;
  /**
   * Bigram full-text search, ranked; each whitespace-separated word of two or more characters is a
   * phrase, and all words must match. A word ending in a lone CJK character (「社」, 「A社」) matches it
   * as a prefix. An empty query is bad_input; a query of punctuation only finds nothing.
   */
  search(query: string, options?: ListOptions): Promise<SearchHit[]>;
  close(): Promise<void>;
}

/** Where original bytes live, addressed by their SHA-256. Writes are atomic and never rewrite. */
export interface Archive {
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
}
