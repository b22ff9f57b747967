// kind: an incident, a list of ransomware leak-site victims, or a post about no security event at all.
import type { Kind } from '../core/record.ts';
import type { Found, PostContext } from './context.ts';

const CLAIM_LIST_RE = /被害(?:組織|企業|団体)(?:の)?(?:リスト|一覧)|リークサイト[^。\n]{0,20}(?:リスト|一覧|まとめ)|ランサムウ[ェエ]ア[^。\n]{0,30}(?:被害|攻撃)[^。\n]{0,10}(?:リスト|一覧)/;
const EVENT_WORDS_RE = /不正アクセス|持ち出|誤表示|誤封入|誤配|誤記載|不正ログイン|漏えい|漏洩|流出|ランサム|紛失|盗難|誤送信|乗っ取|障害|サイバー攻撃|DDoS|DoS攻撃|感染|被害を受け|ハッキング|侵入|侵害|詐欺|誤送|誤って|誤り|閲覧可能|盗|ひったくり|不正利用|流失|攻撃を受け|停止|つながりにく|接続しにく|利用できな/g;
// A notice's own title: 「…に関するお詫びとお知らせ」「…について」.
const NOTICE_TITLE_RE = /お詫び|おわび|お知らせ|ご報告|ご案内|について|に関する|発生/;

export function extractKind(ctx: PostContext, casebookId: Found<string> | null): Found<Kind> {
  const list = CLAIM_LIST_RE.exec(ctx.header);
  if (list) return { value: 'claim_list', at: [[list.index, list.index + list[0].length]], confidence: 'medium' };
  EVENT_WORDS_RE.lastIndex = 0;
  const hits: Array<[number, number]> = [];
  for (let m = EVENT_WORDS_RE.exec(ctx.text); m && hits.length < 2; m = EVENT_WORDS_RE.exec(ctx.text)) hits.push([m.index, m.index + m[0].length]);
  // A casebook post is about an incident unless its header says it lists claims; the number is the evidence.
  if (casebookId) return { value: 'incident', at: hits.length ? [hits[0]!] : casebookId.at, confidence: 'high' };
  // A bare notice may open with its publisher's name; its title is then the next line.
  const titled = NOTICE_TITLE_RE.test(ctx.header) || NOTICE_TITLE_RE.test(ctx.sentences[0]?.text ?? '');
  if (hits.length >= 2) return { value: 'incident', at: hits, confidence: titled ? 'high' : 'medium' };
  if (hits.length >= 1 && titled) return { value: 'incident', at: hits, confidence: 'medium' };
  // Nothing in the text is an event: the header, which says what the post is about, is the evidence.
  return { value: 'other', at: hits.length ? hits : [[0, ctx.header.length]], confidence: hits.length === 0 ? 'medium' : 'low' };
}
