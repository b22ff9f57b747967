// Rules for reported_to_ppc and reported_to_police: the notice says the 個人情報保護委員会 or the police
// were (or are being) told. A plan under a condition, advice to readers, or a denial is not a report.
import { defineRules } from './rule.ts';

// 「…した場合には警察と連携」「必要に応じて」: a plan under a condition, not a report.
const CONDITIONAL = /場合(?:に|は)|必要に応じ/;
// 「被害届を提出する方針」「警察に相談する予定」: a plan stated right after the hit, not a report made.
const PLANNED_AFTER = /^[^。、]{0,16}(?:する|を行う|を出す|を提出する)(?:方針|予定|考え|意向)/;
// 「…の予定はありません」「届け出ておりません」: the report was not made.
const NOT_TOLD = /予定はありません|しておりません|していません|必要はない|(?:届出|届け出|相談|通報|報告|提出)(?:は|を|も)?(?:行って|して|いたして)(?:おりません|いません|おらず)/;

export const PPC_RULES = defineRules<true>('reported_to_ppc', [
  {
    id: 'reported_to_ppc/commission-told',
    pattern: /個人情報保護委?員会/,
    scope: 'header+sentence',
    requires: /報告|届出|届け出|連絡|速報|確報|相談|申告|通知/,
    excludes: NOT_TOLD,
    guards: ['advice'],
    value: true,
    confidence: 'high',
    why: 'The commission named with a verb of telling it (報告, 届出, 速報) is the report the law asks for; 委員会 without 員 is a common typo.',
    examples: {
      match: ['個人情報保護委員会へ速報を提出いたしました。', '本件は個人情報保護員会に報告済みです。'],
      noMatch: ['個人情報保護委員会への報告は予定しておりません。', '個人情報保護委員会のガイドラインに沿って対応を検討しております。'],
    },
  },
]);

export const POLICE_RULES = defineRules<true>('reported_to_police', [
  {
    id: 'reported_to_police/police-body-told',
    // 「北署に」: a station is named by 署 after a name and a particle; the name itself is left out of the match,
    // since a run of name characters tried before every 署-less position costs more than it tells.
    // 税務署, 消防署, 労働基準監督署 and 年金事務所's 署 are no police station.
    pattern: /警察|県警|府警|道警|警視庁|署(?<=[^\s、。]署)(?<!(?:税務|消防|監督|事務|年金)署)(?:に|へ)/,
    notAfter: PLANNED_AFTER,
    scope: 'header+sentence',
    requires: /届|相談|通報|報告|連絡|申告|提出|捜査|情報共有|告訴|協議|連携/,
    excludes: new RegExp(`${NOT_TOLD.source}|${CONDITIONAL.source}`),
    guards: ['advice', 'question'],
    value: true,
    confidence: 'high',
    why: 'A police body named with a verb of telling, filing or investigating says the police were told (警察に相談, 県警と連携, 警察による捜査中).',
    examples: {
      match: ['所轄の警察署に被害を相談しております。', '現在、県警と連携して捜査を進めております。'],
      noMatch: ['当社は、お客様企業に代わって税務署への法定調書の提出を代行しております。', '不審な電話があった場合は警察にご相談ください。', '被害が確認された場合には警察と連携してまいります。', 'Q. 警察には相談していますか?'],
    },
  },
  {
    id: 'reported_to_police/investigating-authority',
    pattern: /捜査機関|捜査当局/,
    scope: 'header+sentence',
    requires: /連携|相談|報告|届|通報|協力|情報共有|連絡/,
    excludes: new RegExp(`${NOT_TOLD.source}|${CONDITIONAL.source}`),
    guards: ['advice', 'question'],
    value: true,
    confidence: 'high',
    why: '捜査機関 is how companies name the police without naming the force; working with it means it was told.',
    examples: {
      match: ['捜査機関と連携しながら対応を進めております。'],
      noMatch: ['捜査機関から照会があった場合には適切に対応いたします。'],
    },
  },
  {
    id: 'reported_to_police/filed-report',
    pattern: /被害届|遺失(?:物)?届|告訴|告発/,
    notAfter: PLANNED_AFTER,
    scope: 'header+sentence',
    excludes: new RegExp(`${NOT_TOLD.source}|${CONDITIONAL.source}`),
    guards: ['advice', 'question'],
    value: true,
    confidence: 'high',
    why: 'A damage, loss or criminal complaint is filed with the police whether or not the police are named.',
    examples: {
      match: ['紛失に気づいた当日に遺失届を提出しました。', '元従業員を刑事告訴いたしました。'],
      noMatch: ['被害届を提出する予定はありません。', '被害に遭われた場合は被害届の提出をご検討ください。', '同社は今後、警察に被害届を提出する方針だ。'],
    },
  },
]);

/** A question in a Q&A that names the police (「Q. 警察に届け出ましたか。」): told only where the answer says yes. */
export const POLICE_QUESTION_RE = /^\s*(?:Q\s*[0-9]*\s*[.:]|問\s*[0-9]*\s*[.:])[^。]*(?:警察|県警|府警|道警|警視庁|捜査機関)[^。]*(?:届|相談|通報|報告|連絡)/;
/** An answer that opens with yes. */
export const YES_ANSWER_RE = /^\s*(?:A\s*[0-9]*\s*[.:]|答\s*[0-9]*\s*[.:])\s*(?:はい|既に|すでに)/;
