// reported_to_ppc / reported_to_police: whether the notice says the 個人情報保護委員会 or the police were told.
import type { Found, PostContext } from './context.ts';
import { ADVICE_RE } from './cues.ts';

// 個人情報保護委員会 (also the typo 個人情報保護員会), told by 報告/届出/連絡/速報.
const PPC_RE = /個人情報保護委?員会/g;
const PPC_ACT_RE = /報告|届出|届け出|連絡|速報|確報|相談|申告/;
// Police bodies and what being told looks like (被害届, 遺失届, 通報, 相談, 告訴, 捜査).
const POLICE_RE = /警察|県警|府警|道警|警視庁|[^\s、。]{1,6}署(?:に|へ)|被害届|遺失(?:物)?届|告訴|告発/g;
const POLICE_ACT_RE = /届|相談|通報|報告|連絡|申告|提出|捜査|情報共有|告訴|被害を申告|協議|連携/;
const NOT_TOLD_RE = /予定はありません|しておりません|していません|必要はない|(?:届出|届け出|相談|通報|報告|提出)(?:は|を|も)?(?:行って|して|いたして)(?:おりません|いません|おらず)/;

function find(ctx: PostContext, re: RegExp, act: RegExp, notIn?: RegExp): Found<boolean> | null {
  const units = [{ start: 0, text: ctx.header }, ...ctx.sentences];
  for (const s of units) {
    re.lastIndex = 0;
    const m = re.exec(s.text);
    if (!m || !act.test(s.text)) continue;
    // 「不審な電話は警察にご相談ください」 tells readers what to do, not what was done.
    if (ADVICE_RE.test(s.text) || NOT_TOLD_RE.test(s.text)) continue;
    if (notIn?.test(s.text)) continue;
    return { value: true, at: [[s.start + m.index, s.start + m.index + m[0].length]] };
  }
  return null;
}

export function extractReportedToPpc(ctx: PostContext): Found<boolean> | null {
  return find(ctx, PPC_RE, PPC_ACT_RE);
}

// 「明らかになった場合には警察と連携」「必要に応じて対応してまいります」 are plans under a condition, not a report.
const CONDITIONAL_RE = /場合(?:に|は)|必要に応じ/;

export function extractReportedToPolice(ctx: PostContext): Found<boolean> | null {
  return find(ctx, POLICE_RE, POLICE_ACT_RE, CONDITIONAL_RE);
}
