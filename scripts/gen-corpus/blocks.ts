// The shape of a generated notice before it is written out: blocks that text, HTML and PDF render alike.

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'date'; text: string }
  | { kind: 'org'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'items'; items: string[] }
  | { kind: 'table'; rows: string[][] };

/** The SPEC.md record a generated post should yield, with the file it is in. */
export interface ExpectedRecord {
  file: string;
  header: string;
  casebook_id: string | null;
  kind: 'incident' | 'claim_list' | 'other';
  organization: string | null;
  title: string | null;
  disclosure_date: string | null;
  incident_types: string[];
  affected_count: number | null;
  data_types: string[];
  sector: string | null;
  reported_to_ppc: boolean;
  reported_to_police: boolean;
  contractor_involved: boolean;
  attacker: string | null;
  discovery: string | null;
  occurred_date: string | null;
  discovered_date: string | null;
}

/** A post: its blocks and the record without `file` and `header` (the writer knows those). */
export interface GeneratedPost {
  blocks: Block[];
  record: Omit<ExpectedRecord, 'file' | 'header'>;
}

/** Plain-text lines of blocks, as a notice typed into a text file or a PDF would have them. */
export function blocksToLines(blocks: readonly Block[]): string[] {
  const lines: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        lines.push(b.text, '');
        break;
      case 'date':
      case 'org':
        lines.push(b.text);
        break;
      case 'heading':
        if (lines.length && lines[lines.length - 1] !== '') lines.push('');
        lines.push(b.text);
        break;
      case 'para':
        lines.push(b.text);
        break;
      case 'items':
        for (const item of b.items) lines.push(item.startsWith('（') ? item : `・${item}`);
        break;
      case 'table':
        for (const row of b.rows) lines.push(row.join('\t'));
        break;
    }
  }
  return lines;
}
