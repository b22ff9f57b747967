// kind: an incident, a list of ransomware leak-site victims, or a post about no security event at all.
import type { Confidence, Kind } from '../core/record.ts';
import type { PostContext } from './context.ts';

const CLAIM_LIST_RE = /被害(?:組織|企業|団体)(?:の)?(?:リスト|一覧)|リークサイト[^。\n]{0,20}(?:リスト|一覧|まとめ)|ランサムウ[ェエ]ア[^。\n]{0,30}(?:被害|攻撃)[^。\n]{0,10}(?:リスト|一覧)/;
const EVENT_WORDS_RE = /不正アクセス|持ち出|誤表示|誤封入|誤配|誤記載|不正ログイン|漏えい|漏洩|流出|ランサム|紛失|盗難|誤送信|乗っ取|障害|サイバー攻撃を受け|感染|被害を受け|ハッキング|侵入|侵害|詐欺|誤送|誤って|誤り|閲覧可能|盗|ひったくり|不正利用|流失/g;
// A notice's own title: 「…に関するお詫びとお知らせ」「…について」.
const NOTICE_TITLE_RE = /お詫び|おわび|お知らせ|ご報告|ご案内|について|に関する|発生/;

export function extractKind(ctx: PostContext, hasCasebookId: boolean): { value: Kind; confidence: Confidence } {
  if (CLAIM_LIST_RE.test(ctx.header)) return { value: 'claim_list', confidence: 'medium' };
  if (hasCasebookId) return { value: 'incident', confidence: 'high' };
  EVENT_WORDS_RE.lastIndex = 0;
  let hits = 0;
  while (EVENT_WORDS_RE.exec(ctx.text) && hits < 2) hits++;
  // A bare notice may open with its publisher's name; its title is then the next line.
  const titled = NOTICE_TITLE_RE.test(ctx.header) || NOTICE_TITLE_RE.test(ctx.sentences[0]?.text ?? '');
  if (hits >= 2) return { value: 'incident', confidence: titled ? 'high' : 'medium' };
  if (hits >= 1 && titled) return { value: 'incident', confidence: 'medium' };
  return { value: 'other', confidence: hits === 0 ? 'medium' : 'low' };
}
