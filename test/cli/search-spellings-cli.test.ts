// `jikenbo search` folds spelling variants as the pages do, says which on stderr, takes --wide for
// related terms and the settings file's own groups.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('jikenbo search with spelling variants', () => {
  const dir = tempDir();
  const db = join(dir, 'cases', 'spell.db');
  const inbox = join(dir, 'in');

  beforeAll(async () => {
    mkdirSync(inbox);
    mkdirSync(join(dir, 'cases'));
    writeFileSync(join(inbox, 'a.txt'), '不正アクセスに関するお詫び\n2024年6月1日\n株式会社あさひ\n\n顧客情報が漏洩した可能性があります。\n');
    writeFileSync(join(inbox, 'b.txt'), '顧客情報流出の可能性について\n2024年6月2日\n株式会社かもめ物産\n\n顧客の個人データが漏えいした可能性があります。\n');
    writeFileSync(join(inbox, 'c.txt'), 'システム障害のお知らせ\n2024年6月3日\n株式会社みどり運輸\n\n身代金ウイルスによりサーバーが暗号化されました。\n');
    expect((await jikenbo(['ingest', inbox, '--db', db])).code).toBe(0);
  }, 60_000);

  it('finds 漏えい for 漏洩 and says it also searched for it', async () => {
    const r = await jikenbo(['search', '漏洩', '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { organization: string }[]).map((h) => h.organization).sort()).toEqual(['株式会社あさひ', '株式会社かもめ物産']);
    expect(r.stderr).toContain('also searched for: 漏えい, ろうえい');
  });

  it('folds 個人情報 into 個人データ only with --wide, and reads the settings file\'s groups', async () => {
    expect((await jikenbo(['search', '個人情報', '--db', db])).stdout).toContain('no notices match');
    expect((await jikenbo(['search', '個人情報', '--wide', '--db', db])).stdout).toContain('株式会社かもめ物産');
    expect((await jikenbo(['search', 'ランサムウェア', '--db', db])).stdout).toContain('no notices match');
    writeFileSync(join(dir, 'cases', 'jikenbo.settings.json'), JSON.stringify({ search: { variants: [['ランサムウェア', '身代金ウイルス']] } }));
    expect((await jikenbo(['search', 'ランサムウェア', '--db', db])).stdout).toContain('株式会社みどり運輸');
  });
});
