// A view of normalised text with PDF copy artefacts removed — line breaks inside sentences, page-number
// lines, running headers — that keeps the offset map, so spans found in the view still point into the original.
import type { Normalized } from './normalize.ts';

// 「- 1 -」「1/3」「ページ 1」「P.2」「2 / 5 ページ」: lines a PDF prints at a page foot.
const PAGE_LINE_RE = /^\s*(?:-\s*[0-9]{1,3}\s*-|[0-9]{1,3}\s*\/\s*[0-9]{1,3}(?:\s*ページ)?|ページ\s*[0-9]{1,3}(?:\s*\/\s*[0-9]{1,3})?|P\.?\s*[0-9]{1,3}|[0-9]{1,3}\s*ページ|\(\s*[0-9]{1,3}\s*\))\s*$/;
// A line that ends a sentence, a heading or a cell, after which a break is a real one.
const CLOSED_END_RE = /[。.!?:」』)\]】>〉》]\s*$/;
// What opens a new line on its own: list marks, numbered headings, brackets, dates in a timeline, Q/A.
// A short numbered heading with a space after its number (「３　対応」 after NFKC) is a line of its own too.
const OPENER_RE = /^\s*(?:[•・*※■□◆◇●○▼▽★☆\-【\[<(①-⑳]|[0-9]{1,2}\s*[.)、]|[0-9]{1,2}\s+[^\s0-9][^\s]{0,14}(?<![。.])\s*$|[0-9]{4}\s*年|(?:令和|平成)\s*[0-9元]|[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|[QA]\s*[.:]|(?:電話|TEL|Tel|FAX|Fax|E-?mail|メール)\s*[:：\s0-9(]|〒|URL|https?:)/;
const TABLE_RE = /[\t|]/;
/** A weekday in brackets that goes on (「(水)、」「(月)午前」), as a date cut at a line end leaves it. */
const WEEKDAY_OPENER_RE = /^\((?:月|火|水|木|金|土|日)(?:曜日?)?(?:・祝)?\)\s*[、,]?\s*[^\s]/;
const LIST_ITEM_RE = /^\s*(?:[•・*※■□◆◇●○▼▽★☆\-①-⑳]|\(?[0-9]{1,2}\)|[0-9]{1,2}\s*[.)、])/;
// How the second half of a cut word or clause starts: kana that cannot open a sentence, or punctuation.
const CONTINUATION_RE = /^[ぁ-ゖゃゅょっァィゥェォッャュョヮー、。)」]/;
// A katakana word cut in two (「ランサムウ」「ェア」 is caught above; 「クレジットカ」「ード」, 「セキュリ」「ティ」).
const KATAKANA_END_RE = /[ァ-ヺー]$/;
const KATAKANA_START_RE = /^[ァ-ヺー]/;
/**
 * Two-kanji words of notices' common vocabulary: a line that ends with the first kanji of one over a
 * line that starts with its second (「…自身が担」「当していない」, 「個人情」「報保護委員会」) was cut inside
 * the word. General vocabulary of Japanese prose about incidents, not any notice's wording.
 */
const KANJI_WORDS = new Set(`
情報 個人 担当 閲覧 確認 発生 対応 調査 報告 連絡 不正 流出 漏洩 送信 送付 被害 原因 対策 防止 管理 保護 委員
警察 相談 関係 顧客 会員 登録 氏名 住所 電話 番号 生年 月日 性別 契約 利用 使用 業務 委託 職員 社員 従業 外部
第三 内容 状況 事案 事態 発覚 判明 記載 添付 削除 回収 謝罪 説明 再発 徹底 教育 今後 現在 時点 可能 影響 範囲
対象 件数 期間 以降 以下 以上 当該 本件 弊社 当社 本学 当院 本市 市民 患者 生徒 学生 児童 病院 学校 大学 会社
法人 機関 専門 業者 端末 機器 媒体 書類 資料 文書 名簿 一覧 電子 郵便 封筒 宛先 暗号 感染 攻撃 侵入 通信 接続
設定 公開 取得 盗難 紛失 発見 検知 監視 記録 履歴 決済 信用 有効 期限 認証 処分 懲戒 停止 復旧 障害 稼働
運用 提供 運営 開発 保守 点検 確保 安全 措置 実施 依頼 要請 協力 迷惑 心配 深刻 厳粛 受領 受信 返信 誤送 宛名
封入 同封 発送 配達 配送 郵送 窓口 受付 問合 合計 総数 件名 本文 経緯 概要 詳細 結果 判断 特定 推測 懸念 疑い
警戒 注意 喚起 周知 公表 発表 掲載 更新 修正 改修 脆弱 身代 要求 犯行 声明 送金 振込 口座 銀行 預金
金融 保険 証券 税務 行政 自治 役所 役場 庁舎 議会 教員 教諭 校長 学長 院長 理事 代表 社長 取締 部長 課長 係長
職場 勤務 退職 元従 在籍 派遣 請負 受託 再委 保存 保管 格納 蓄積 抽出 複製 持出 施錠 保有 所持 移動 移送
車内 車両 自宅 拾得 届出 遺失 被疑 逮捕 容疑 捜査 捜索 家宅 送検 起訴 判決 有罪 懲役 罰金 賠償 補償
損害 金額 費用 負担 購入 注文 商品 販売 店舗 通販 配信 画面 表示 入力 項目 選択 機能 操作 手順 確定 承認
申請 申込 応募 採用 選考 面接 受験 成績 試験 健康 診療 診察 検査 治療 処方 薬剤 介護 福祉 保育 園児 乳幼
`.split(/\s+/).filter((w) => w.length === 2));
const KANJI_RE = /[\u4e00-\u9fff]/;
// How the first half of a cut clause ends: a comma or a particle that needs what follows (「…のため、」
// 「…漏えいした可能性があることを」「…本学の」), which no heading, byline or list item ends with.
const OPEN_END_RE = /(?:[、,をがはでにへやもの]|[^つ]いて|して)$/;
// A number cut from its unit or its other digits (「会員1,2」「34名」; 「…は2」「日、」).
const CUT_NUMBER_RE = /[0-9]$/;
const NUMBER_GOES_ON_RE = /^(?:[0-9,]|[年月日時分秒名件人万千億円%])/;
const SENTENCE_OPENER_RE = /^(?:なお|また|ただし|さらに|この|その|これ|それ|こちら|そちら|あわせて|今後|いずれ|もっとも|お客様|おかけ|お問い?合|ご(?:不便|迷惑|心配|連絡|理解))/;
// 「株式会社X 代表取締役 山田 太郎」: a byline followed by the body must stay a line of its own.
const BYLINE_RE = /(?:代表|社長|会長|理事長|学長|院長|校長|所長|市長|町長|村長|知事|局長|センター長)\S*\s+\S+|\s\S*(?:部|課|室|事務局|係|窓口)$/;

// A line that ends in an organisation's legal form or kind of body.
const ORG_LINE_END_RE = /(?:株式会社|有限会社|合同会社|法人|機構|協会|財団|大学|病院|センター|組合|学園|市|町|村|県|庁|省)$/;
const NAME_LINE_MAX = 30;

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    out.push({ start, end, text: text.slice(start, end) });
    if (end === text.length) break;
    start = end + 1;
  }
  return out;
}

function indent(s: string): number {
  return s.length - s.trimStart().length;
}

/** The second line is indented deeper than the first: it carries on the first one's text. */
function hangs(a: string, b: string): boolean {
  return indent(b) > indent(a);
}

/** The share of a page's width a line fills when the page's width cut it (half-width letters and digits make lines of one width differ in length). */
const FULL_LINE = 0.7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor((s.length - 1) / 2)]!;
}

/** Minimum length of a line that can have been cut by a page's width. */
const WRAP_MIN = 18;

/**
 * Joins lines a PDF copy broke inside a sentence and drops page-number lines and repeated running headers.
 * The first line (the header) is never joined. A text without such breaks comes back unchanged.
 */
export function unwrapPdfLines(norm: Normalized): Normalized {
  const text = norm.text;
  if (text.indexOf('\n') < 0) return norm;
  const lines = linesOf(text);
  const drop = new Uint8Array(text.length); // 1 = character left out of the view
  let changed = false;
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text.trim();
    if (i > 0 && PAGE_LINE_RE.test(t)) {
      for (let k = l.start; k < l.end; k++) drop[k] = 1;
      changed = true;
      // The running header printed under a page number repeats an earlier line.
      let j = i + 1;
      while (j < lines.length && lines[j]!.text.trim() === '') j++;
      const next = lines[j];
      if (next && seen.has(next.text.trim().replace(/\s+/g, ''))) {
        for (let k = next.start; k < next.end; k++) drop[k] = 1;
      } else if (next && /お知らせ|報道発表|資料|ご報告|お詫び/.test(next.text) && next.text.trim().length <= 30) {
        // 「霧ヶ丘町 報道発表資料」: a running header that only names the publisher and the kind of paper.
        const head = next.text.trim().split(/\s+/)[0]!;
        if (head && [...seen].some((s) => s.startsWith(head))) for (let k = next.start; k < next.end; k++) drop[k] = 1;
      }
    }
    if (t) seen.add(t.replace(/\s+/g, ''));
  }
  // Candidate breaks: a line long enough to have been cut, not closed, and a next line that does not open anew.
  const pairs: Array<{ a: Line; b: Line; strong: boolean; item: boolean }> = [];
  let strongCount = 0;
  for (let i = 1; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    const at = a.text.trimEnd();
    const bt = b.text.trim();
    if (at.trim().length < WRAP_MIN || bt === '' || drop[b.start] === 1) continue;
    // 「…７月８日」 over 「（水）、通知書を…」: a date's weekday carried to the next line is a cut, not a new item.
    // 「…ことを 5 月」 over 「6 日(土)に確認しました。」: a date cut between its month and its day.
    if ((/[0-9]\s*日$/.test(at) && WEEKDAY_OPENER_RE.test(bt)) || (/(?:[0-9]\s*[年月]|令和|平成)$/.test(at) && /^[0-9元]{1,2}\s*[年月日]/.test(bt))) {
      strongCount++;
      pairs.push({ a, b, strong: true, item: LIST_ITEM_RE.test(a.text) });
      continue;
    }
    if (TABLE_RE.test(a.text) || TABLE_RE.test(b.text) || OPENER_RE.test(b.text) || BYLINE_RE.test(at)) continue;
    // 「地方独立行政法人ほしぞら病院機構」 over 「ほしぞら総合病院」: a name line over another short line, even one
    // that opens in kana, is a byline of two lines.
    if (ORG_LINE_END_RE.test(at) && bt.length <= NAME_LINE_MAX && !/[。、]/.test(bt)) continue;
    if (CLOSED_END_RE.test(at)) {
      // 「…（第１報）」\nにてお知らせ」: a closing bracket followed by a particle carries on.
      if (!/[」)]\s*$/.test(at) || !/^[にをはがのとでへもや、]/.test(bt)) continue;
    }
    // A break inside a word or before a particle (「暗号化さ\nれる」「問い合\nわせ」) only happens in a cut line.
    const strong = (CONTINUATION_RE.test(bt) && !SENTENCE_OPENER_RE.test(bt))
      || (OPEN_END_RE.test(at) && !LIST_ITEM_RE.test(b.text))
      || (CUT_NUMBER_RE.test(at) && NUMBER_GOES_ON_RE.test(bt))
      || (KATAKANA_END_RE.test(at) && KATAKANA_START_RE.test(bt))
      || (KANJI_RE.test(at.slice(-1)) && KANJI_WORDS.has(at.slice(-1) + bt[0]));
    if (strong) strongCount++;
    pairs.push({ a, b, strong, item: LIST_ITEM_RE.test(a.text) });
  }
  // Where the text shows such cuts it is a PDF copy and every open line of the page's width carries on;
  // elsewhere only the cuts do. The width is that of the lines cut inside a word or clause; a line well
  // short of it ended where its writer ended it (a heading, the last item of a list before 「なお、…」).
  const wrapped = strongCount >= 2;
  const width = wrapped ? median(pairs.filter((p) => p.strong).map((p) => p.a.text.trim().length)) : 0;
  for (const { a, b, strong, item } of pairs) {
    if (!strong && (a.text.trim().length < width * FULL_LINE || SENTENCE_OPENER_RE.test(b.text.trim()))) continue;
    // A list item's own second line hangs under its text, indented deeper than the item's mark
    // (「（１）令和…サーバーが暗」 then 「　　号化され、…」); a line indented like the item is the next item.
    if (!strong && (!wrapped || (item && !hangs(a.text, b.text)))) continue;
    const at = a.text.trimEnd();
    for (let k = a.start + at.length; k < b.start + (b.text.length - b.text.trimStart().length); k++) drop[k] = 1;
    changed = true;
  }
  if (!changed) return norm;
  let len = 0;
  for (let k = 0; k < text.length; k++) if (!drop[k]) len++;
  const starts = new Int32Array(len);
  const ends = new Int32Array(len);
  const parts: string[] = [];
  let runStart = -1;
  let n = 0;
  for (let k = 0; k <= text.length; k++) {
    const keep = k < text.length && !drop[k];
    if (keep) {
      if (runStart < 0) runStart = k;
      starts[n] = norm.starts[k]!;
      ends[n] = norm.ends[k]!;
      n++;
    } else if (runStart >= 0) {
      parts.push(text.slice(runStart, k));
      runStart = -1;
    }
  }
  return { text: parts.join(''), original: norm.original, starts, ends };
}
