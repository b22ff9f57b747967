// SQLite's lookup of the contractor-cue windows that may name an organisation (grouping-windows.ts): a
// query on three of the key's trigrams rather than the whole key as a phrase. The port promises a
// superset of the windows holding the key within the dates; the caller reads each. Checked here: no
// window holding the key is missed, whatever the key's length, characters or quotes.

import { describe, expect, it } from 'vitest';
import { sqliteGrouping, writersQuery } from '../../src/store/sqlite/grouping-windows.ts';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.ts';
import { sqliteEngine } from '../../src/store/sql/sqlite-engine.ts';

/** A casebook's schema in memory, with these cue windows (the table has no reference to notices). */
function windowsTable(rows: Array<{ id: number; body: string; at: string | null }>) {
  const db = openSqliteDatabase(':memory:');
  const insert = db.prepare('INSERT INTO grouping_windows (rowid, body, at) VALUES (?, ?, ?)');
  for (const r of rows) insert.run(r.id, r.body, r.at);
  const engine = sqliteEngine(db);
  return {
    naming: (key: string, from: string | null = null, to: string | null = null) =>
      engine.each(() => sqliteGrouping.writersNaming([{ key, from, to }])),
    close: () => db.close(),
  };
}

// Invented windows, as mentionWindows cuts them around 委託先, 受託 and the like.
const WINDOWS = [
  '業務委託先である株式会社みなと精機のサーバーが不正アクセスを受け',
  '委託先の"ひかり"データサービス社において設定の誤りがあり',
  '当社が受託している𠮷野ソリューションズ株式会社の顧客データ',
  '再委託先であるABCシステム株式会社からの報告により判明',
  '運営会社のみなと精工株式会社が管理するサイト',
  '委託元の株式会社ひかり市役所サービス公社より連絡',
];

describe('the windows that may name an organisation (SQLite)', () => {
  it('finds every window holding the key, for keys of three characters and more, quotes and surrogate pairs among them', async () => {
    const table = windowsTable(WINDOWS.map((body, i) => ({ id: i + 1, body, at: '2024-05-01' })));
    try {
      const keys = ['みなと精機', 'みなと精', '"ひかり"データサービス', '𠮷野ソリューションズ', 'ABCシステム', 'ひかり市役所サービス公社', 'データ', '株式会社'];
      for (const key of keys) {
        const holding = WINDOWS.flatMap((body, i) => (body.includes(key) ? [i + 1] : []));
        expect(holding.length, key).toBeGreaterThan(0);
        const found = (await table.naming(key)).map((w) => w.id);
        expect(found, key).toEqual(expect.arrayContaining(holding));
        for (const w of await table.naming(key)) expect(w.key).toBe(key);
      }
    } finally {
      table.close();
    }
  });

  it('leaves out windows of other dates, and keeps undated ones', async () => {
    const table = windowsTable([
      { id: 1, body: WINDOWS[0]!, at: '2024-05-01' },
      { id: 2, body: WINDOWS[0]!, at: '2021-01-01' },
      { id: 3, body: WINDOWS[0]!, at: null },
    ]);
    try {
      expect((await table.naming('みなと精機', '2024-01-01', '2024-12-31')).map((w) => w.id).sort()).toEqual([1, 3]);
    } finally {
      table.close();
    }
  });

  it('asks for the first, a middle and the last trigram of the key, each quoted', () => {
    expect(writersQuery('みなと精機')).toBe('"みなと" AND "なと精" AND "と精機"');
    expect(writersQuery('ABC')).toBe('"ABC"');
    expect(writersQuery('"ひかり"')).toBe('"""ひか" AND "ひかり" AND "かり"""');
    expect(writersQuery('𠮷野家')).toBe('"𠮷野家"');
  });
});
