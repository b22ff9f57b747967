// contractor_involved: the event happened at, or was caused by, a contractor, vendor or outsourced service.
import type { Found, PostContext } from './context.ts';
import { ADVICE_RE, DATA_DENIAL_RE } from './cues.ts';

const CONTRACTOR_RE = /委託先|委託元|委託業者|委託事業者|委託会社|業務委託|受託(?:者|事業者|会社)|業務を受託|受託して|受託し(?:てい|てお)|再委託|下請|保守業者|保守事業者|保守ベンダー|保守委託|保守会社|システム業者|システム会社|運用(?:委託|業者)|(?:を|に)委託(?:して|する|した|し)|(?:弊社|当社|本学|当院|本市|本県)外の|外部(?:利用)?サービス提供事業者|サービス提供事業者|外部(?:の)?委託|取引先(?:様)?の(?:お客様|顧客)/g;
// What ties the contractor to the event rather than to the clean-up.
const EVENT_RE = /不正|漏えい|漏洩|流出|感染|紛失|盗難|誤|設定|原因|侵入|攻撃|取得|乗っ取|暗号化|アクセス|報告|連絡|発生|脆弱性/;
// Helping with the investigation or recovery does not make the contractor part of the event.
const HELPER_RE = /共同で調査|協力(?:を得|して|のもと)|調査を依頼|と共に|と連携|支援を受け|助言/;
// The contractor only told them (「監視を委託している事業者から…との通知を受け」): a messenger, not the place of the event.
const MESSENGER_RE = /(?:委託(?:して|し)(?:いる|おります|ている)|委託先|業者|事業者|ベンダー)(?:様)?(?:から|より)(?:、|当社に対し)?[^。]{0,80}(?:報告|連絡|通知|指摘)/;
// …unless the same sentence puts the event at the contractor (「委託先のサーバーに…不正なアクセス」).
const AT_CONTRACTOR_RE = /(?:委託先|業者|事業者|ベンダー)(?:で|において|にて|の(?:[^。、]{0,12})?(?:サーバ|システム|従業員|社員|端末|環境|ネットワーク))/;

export function extractContractor(ctx: PostContext): Found<boolean> | null {
  const units = [{ start: 0, text: ctx.header }, ...ctx.sentences];
  for (const s of units) {
    CONTRACTOR_RE.lastIndex = 0;
    const m = CONTRACTOR_RE.exec(s.text);
    if (!m) continue;
    if (ADVICE_RE.test(s.text) || DATA_DENIAL_RE.test(s.text) || HELPER_RE.test(s.text)) continue;
    if (MESSENGER_RE.test(s.text) && !AT_CONTRACTOR_RE.test(s.text)) continue;
    if (s.start !== 0 && !EVENT_RE.test(s.text)) continue;
    return { value: true, at: [[s.start + m.index, s.start + m.index + m[0].length]] };
  }
  return null;
}
