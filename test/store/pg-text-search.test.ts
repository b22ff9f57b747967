// The tsvector input text PostgreSQL's notice index is written from (store/postgres/pg-text-search.ts).
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/bigram.ts';
import { quoteLexeme, tsvectorText } from '../../src/store/postgres/pg-text-search.ts';

describe('tsvectorText', () => {
  it('lists each token once, in first-seen order, with every position from 1', () => {
    expect(tsvectorText(['情報', '報漏', '情報', 'a', '情報'])).toBe("'情報':1,3,5 '報漏':2 'a':4");
    expect(tsvectorText(tokenize('個人情報の漏えい、個人情報'))).toBe(tsvectorText(['個人', '人情', '情報', '報の', 'の漏', '漏え', 'えい', '個人', '人情', '情報']));
    expect(tsvectorText([])).toBe('');
  });

  it('quotes every lexeme and escapes quotes and backslashes', () => {
    expect(tsvectorText(["o'neil", 'c:\\path', 'x'])).toBe("'o''neil':1 'c:\\\\path':2 'x':3");
    expect(quoteLexeme("it's")).toBe("'it''s'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
  });

  it('leaves out a lexeme of 2 KiB or more of UTF-8, which still takes its position', () => {
    const cjk682 = '漏'.repeat(682); // 2,046 bytes: the most PostgreSQL keeps
    const cjk683 = '漏'.repeat(683);
    const ascii1000 = 'a'.repeat(1000);
    const emoji = '😀'.repeat(512); // 1,024 units, 2,048 bytes
    expect(tsvectorText([cjk683, 'ab'])).toBe("'ab':2");
    expect(tsvectorText([cjk682, 'ab'])).toBe(`'${cjk682}':1 'ab':2`);
    expect(tsvectorText([ascii1000, emoji, 'ab'])).toBe(`'${ascii1000}':1 'ab':3`);
    expect(tsvectorText(['', 'ab'])).toBe("'ab':2");
  });

  it('holds positions past 16383 at 16383, once', () => {
    const text = tsvectorText([...Array.from({ length: 16390 }, () => 'ab'), 'cd']);
    const [ab, cd] = text.split(' ');
    const positions = ab!.slice("'ab':".length).split(',').map(Number);
    expect(positions).toHaveLength(16383);
    expect(positions.at(-1)).toBe(16383);
    expect(cd).toBe("'cd':16383");
  });
});
