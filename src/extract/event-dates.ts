// occurred_date (発生日): the first day of the event — first intrusion, day of loss, start of the exposure.
// The words are rules (rules/occurred-date.ts); this file decides which date in or near a sentence is the
// event's: not the finding's, not a message's, not the notice's, not a data-collection period.
import type { DateMention } from '../core/japanese-date.ts';
import { VAGUE_DATE_RE } from '../core/japanese-date.ts';
import type { Confidence, Found, PostContext, Sentence } from './context.ts';
import { isoOf } from './context.ts';
import { ADVICE_RE, unquoted } from './rules/guards.ts';
import { datesWithin as datesIn, isRelative } from './date-mentions.ts';
import { applyRules, type Hit } from './rules/engine.ts';
import { OCCURRED_RULES, type OccurredRole } from './rules/occurred-date.ts';

type OHit = Hit<OccurredRole>;

const EVENT_ROLES: ReadonlySet<OccurredRole> = new Set(['event', 'event-label', 'person-act', 'detect']);
// Only a period (…から, …までの間, …以降) is a collection period; a single day followed by 入力 is the event's day.
const PERIOD_AFTER_RE = /^[^。]{0,8}?(?:以降|から|まで|の間|期間)/;
// In a finding sentence, a date right after 「調査の結果、」 belongs to the clause that was found.
// 「調査の結果、5月1日に…」「その後の調査により、5月1日、…」: what the investigation found, dated by the event.
const FOUND_CLAUSE_BEFORE_RE = /(?:結果|ところ|(?:調査|解析|分析|確認)(?:に|によ)り)、?[^。、]{0,10}$/;
// The act is what was found: 「…誤って送信したことが、…により判明」.
const FOUND_ACT_RE = /こと(?:が|を)/;
// 「6月1日に開催したセミナーの案内メールを…」: a date tied to an act that is not the event (holding a seminar,
// receiving an application, buying), qualifying a noun; the event's own date is elsewhere.
// …but 「11月11日に実施したストレージの移行作業において、担当者が設定を誤り」「4月12日に開催した会議において、…
// 誤ってお渡ししました」: work or a meeting during which the mistake was made dates it.
const WORK_DONE_AFTER_RE = /^\s*(?:頃|ごろ)?に(?:実施|行った|行われた|開催)[^。、]{0,24}?(?:作業|移行|改修|更新|工事|メンテナンス|保守|設定変更|切り替え|切替|会議|会合|説明会|研修会?|講習会?|イベント|行事|式典)(?:において|の際|の場で|の会場で|の中で|時|中)/;
const OTHER_ACT_AFTER_RE = /^\s*(?:頃|ごろ)?に(?:開催|実施|受付|受け付け|申し?込|ご?購入|ご?登録|発行|作成|配布|来店|来院|受診|入会|締結|ご?契約|ご?予約)(?:した|された|いただいた|頂いた|されました|しました)(?=[^。、]{1,12}?(?:の|を|が|に|へ))/;
// An arrest, a prosecution or a disciplinary measure that a detached date (「同日、」) governs.
const SANCTION_AFTER_RE = /^[^。]{0,80}?(?:逮捕|書類送検|送検|起訴|懲戒|停職|減給|免職|戒告|訓告)(?:され|し|処分|と)/;
const SEQUEL_RE = /^(?:その後|その際|その帰り|帰路|帰宅(?:後|途中|する際)|その夜|同夜|同日|当日|同じ日|その日|[^。、]{0,10}に戻った(?:ところ|際))、?/;
const DATE_ONLY_LINE_RE = /^[\s~\-から〜まで・,、()0-9年月日曜火水木金土午前後時分頃]*$/;
// A period in a table row whose first cell says who paid or ordered (a first cell naming who paid, then a period).
const EXPOSURE_ROW_BEFORE_RE = /(?:決済|購入|ご?注文|ログイン)を?(?:され|いただ|した)[^。\n]{0,12}$/;
// A window of card entry or payment is the exposure only where cards or logins are at stake.
// (「発覚した2030年8月19日当日」: the 当日 after such a date is that date too.)
const FINDING_QUALIFIES_RE = /(?:発覚|判明|発見|覚知)(?:した|された|しました)(?:(?:令和|平成)?[0-9元]{1,4}年)?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:\([^)]{1,3}\))?$/;
const CARD_CONTEXT_RE = /カード|決済|ログイン|パスワード|マイページ|会員ページ|会員画面/;
const PERIOD_LABEL_RE = /^[\s・■●◆]*(?:対象|該当|流出|漏えい|漏洩|影響)?期間\s*[:：]/;
const ABOVE_PERIOD_RE = /(?:上記|前記|当該|同)(?:の)?(?:対象)?期間(?:中|内)?に[^。]{0,40}(?:ご?注文|決済|ご?購入|入力|ご?利用)/;
// A date set off by a comma at the head of a clause governs the clause's main verb (「9月1日、…との連絡がありました」).
const DETACHED_AFTER_RE = /^\s*(?:頃|ごろ)?\s*[、,]/;
// How far after a date the cue of a report or a collection period may start.
const TOLD_REACH = 20;
const NEWS_SUBJECT_BEFORE_RE = /(?:は|が)\s*$/;
const LABEL_REACH = 4;
// 「7月4日にウイルスに感染し、…ことが判明」: a date tied by に to the event before the finding verb is the event's.
const ATTACHED_AFTER_RE = /^\s*(?:頃|ごろ)?(?:に|から|より|頃|ごろ)(?![^。、]{0,6}(?:判明|発覚|確認))/;
const ATTACHED_REACH = 25;
const NEAR_REACH = 40;
// How many sentences after a dated opening the event it dates may be told, and how far into its sentence the date sits.
const NARRATIVE_REACH = 3;
const OPENING_REACH = 8;
// A clause that ends before the finding verb (「…ておりますが」「…ましたが、」) keeps the finding out of the date's clause.
const CLAUSE_BREAK_RE = /(?:ます|ました|です|おります|おりました|ている|ていた)が|ところ、/;
const COLLECTED_REACH = 70;
const EXPOSED_REACH = 60;
const WINDOW_REACH = 80;

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };
const weaker = (a: Confidence, b: Confidence): Confidence => (RANK[a] <= RANK[b] ? a : b);

interface Cand {
  d: DateMention;
  confidence: Confidence;
  rules: string[];
  /** a message's date: used only where no sentence gives the event its own date */
  fallback?: boolean;
}

function candidates(ctx: PostContext, s: Sentence, hits: readonly OHit[], eventHits: readonly OHit[]): Cand[] {
  const all = datesIn(ctx, s.start, s.end);
  const detect = hits.some((h) => h.rule.value === 'detect');
  const findingHit = detect ? undefined : hits.find((h) => h.rule.value === 'finding');
  // The date nearest before the finding verb is the finding's own; the others belong to the event.
  const findingDate = findingHit ? all.filter((d) => d.start < findingHit.start).at(-1) : undefined;
  const contact = hits.filter((h) => h.rule.value === 'contact');
  const out: Cand[] = [];
  for (const d of all) {
    const after = ctx.text.slice(d.end, Math.min(s.end, d.end + WINDOW_REACH));
    const used: string[] = [];
    // 「発生日:2030年6月11日」: the label names the date.
    const label = hits.find((h) => h.rule.value === 'event-label' && h.end <= d.start && d.start - h.end <= LABEL_REACH);
    if (label) {
      out.push({ d, confidence: 'high', rules: [label.rule.id] });
      continue;
    }
    if (OTHER_ACT_AFTER_RE.test(after) && !WORK_DONE_AFTER_RE.test(after)) continue;
    // 「8月下旬に…持ち出された形跡があり、9月3日に委託先から連絡があった」: the event has its own vague date,
    // and a date after every event word belongs to what came later.
    if (eventHits.length > 0 && d.start >= eventHits.at(-1)!.end && VAGUE_DATE_RE.test(ctx.text.slice(s.start, eventHits[0]!.start))) continue;
    // 「元従業員は同日、…の疑いで逮捕された」: the day of an arrest or a sanction, not of the act it punishes.
    if (DETACHED_AFTER_RE.test(after) && SANCTION_AFTER_RE.test(ctx.text.slice(d.end, s.end))) continue;
    // 「不正アクセスが発覚した2030年8月19日当日に」: the date a finding verb qualifies is the finding's.
    if (FINDING_QUALIFIES_RE.test(ctx.text.slice(Math.max(s.start, d.start - 24), d.start).normalize('NFKC'))) continue;
    if (hits.some((h) => h.rule.value === 'not-event-label' && h.start >= d.end && /^\s*$/.test(ctx.text.slice(d.end, h.start)))) continue;
    // …unless an event word comes first (「2月20日に不正アクセスを受け、翌週に警察へ相談」).
    if (hits.some((h) => h.rule.value === 'not-event-told' && h.start >= d.end && h.start - d.end <= TOLD_REACH && !eventHits.some((e) => e.start >= d.end && e.start < h.end))) continue;
    // 「東山市は3日、…と発表した」: the date after the subject is the announcement's.
    if (DETACHED_AFTER_RE.test(after) && NEWS_SUBJECT_BEFORE_RE.test(ctx.text.slice(Math.max(s.start, d.start - 3), d.start)) && hits.some((h) => h.rule.value === 'announced' && h.start > d.end)) continue;
    // A message's date: the date governs the verb of receiving, unless an event word sits between them
    // in the same clause (「3月1日に侵入を受けたとの連絡」).
    const c = contact.find((h) => h.start > d.end);
    if (c && (DETACHED_AFTER_RE.test(after) || !eventHits.some((h) => h.start > d.end && h.start < c.start))) {
      // The event may have been that day too (a ransomware attack reported the day it struck): a weak guess.
      out.push({ d, confidence: 'low', rules: [c.rule.id], fallback: true });
      continue;
    }
    const period = d.rangeStart || d.rangeEnd || PERIOD_AFTER_RE.test(after);
    const collected = period ? hits.find((h) => h.rule.value === 'collected' && h.start >= d.end && h.start - d.end <= COLLECTED_REACH) : undefined;
    if (collected) {
      const exposed = hits.find((h) => (EVENT_ROLES.has(h.rule.value) || h.rule.value === 'exposed') && h.start >= d.end && h.start - d.end <= EXPOSED_REACH);
      if (!exposed || collected.end <= exposed.start) continue;
    }
    let confidence: Confidence = 'high';
    if (findingHit) {
      if (d.rangeStart) {
        // a period inside what was found is the event's
      } else if (FOUND_CLAUSE_BEFORE_RE.test(ctx.text.slice(s.start, d.start))) {
        // 「調査の結果、5月1日に…」
      } else if (all.length >= 2 && d !== findingDate) {
        // the other date of a sentence that has the finding's own
      } else if (
        eventHits.some(
          (h) =>
            h.start > d.end &&
            h.start < findingHit.start &&
            ((ATTACHED_AFTER_RE.test(after) && h.start - d.end <= ATTACHED_REACH) || CLAUSE_BREAK_RE.test(ctx.text.slice(h.end, findingHit.start))),
        )
      ) {
        // the date is tied to the event's own clause (「…に感染し」), or the finding is in a later clause
        // (「9月2日…を受けたことをお知らせしておりますが、…を確認しております」)
      } else if (
        all.length === 1 &&
        d.start - s.start <= 8 &&
        DETACHED_AFTER_RE.test(after) &&
        hits.some((h) => h.rule.value === 'person-act' && h.start > d.end && h.start < findingHit.start && FOUND_ACT_RE.test(ctx.text.slice(h.end, findingHit.start)))
      ) {
        // 「11月8日、担当者が…誤って送信したことが…判明」: the opening date governs the act and its finding.
        confidence = 'low';
        used.push(findingHit.rule.id);
      } else continue;
      if (confidence === 'high') confidence = 'medium';
    }
    // A date tied to an event word close after it (「5月1日に不正アクセスを受け」「5月1日、…が紛失」) is as sure as the
    // cue; a date that only shares a sentence with an event word far from it is a guess.
    const near = eventHits.some((h) => h.start > d.end && h.start - d.end <= NEAR_REACH) || eventHits.some((h) => h.end <= d.start && d.start - h.end <= 6);
    out.push({ d, confidence: near ? confidence : 'low', rules: used });
  }
  return out;
}

/**
 * A hit that leaves a dated opening quiet: a data-collection word, or a date label (「付」「時点」) that does not
 * stand right after one of its dates (「申込みを受け付ける」 holds 付).
 */
function quietHit(ctx: PostContext, h: OHit, dates: readonly DateMention[]): boolean {
  if (h.rule.value === 'collected') return true;
  return h.rule.value === 'not-event-label' && !dates.some((d) => d.end <= h.start && /^\s*$/.test(ctx.text.slice(d.end, h.start)));
}

/** Dates that open a period in which customers entered cards, paid or logged in: the start of the exposure. */
function exposureStarts(ctx: PostContext, s: Sentence, hits: readonly OHit[]): Array<{ d: DateMention; rule: string }> {
  const out: Array<{ d: DateMention; rule: string }> = [];
  for (const d of datesIn(ctx, s.start, s.end)) {
    if (!d.rangeStart) continue;
    const w = hits.find((h) => h.rule.value === 'exposed' && h.start >= d.end && h.start - d.end <= WINDOW_REACH);
    if (w && CARD_CONTEXT_RE.test(s.text) && !hits.some((h) => h.rule.value === 'collected' && h.start >= d.end && h.start < w.start)) out.push({ d, rule: w.rule.id });
    else if (EXPOSURE_ROW_BEFORE_RE.test(ctx.text.slice(Math.max(s.start, d.start - 40), d.start))) out.push({ d, rule: 'occurred_date/card-entry-window' });
  }
  return out;
}

export function extractOccurredDate(ctx: PostContext): Found<string> | null {
  type Best = { iso: string; at: [number, number]; confidence: Confidence; rules: string[] };
  let best: Best | null = null;
  let fallback: Best | null = null;
  const consider = (d: DateMention, confidence: Confidence, rules: string[], weak = false) => {
    const iso = isoOf(ctx, d);
    if (!iso || (ctx.noticeDate && iso > ctx.noticeDate)) return;
    const cur = weak ? fallback : best;
    if (cur !== null && iso >= cur.iso) return;
    const b: Best = { iso, at: [d.start, d.end], confidence: isRelative(ctx, d) ? weaker(confidence, 'medium') : confidence, rules };
    if (weak) fallback = b;
    else best = b;
  };
  const sentences = ctx.sentences.filter((s) => s.start < ctx.focusEnd);
  const byIndex = new Map<number, OHit[]>();
  // Only sentences that hold a date, sit under or above a date line, or carry on from the sentence before
  // can give a date: the rules are not tried on the others.
  const dated = sentences.map((s) => datesIn(ctx, s.start, s.end).length > 0);
  const dateLine = sentences.map((s, i) => dated[i]! && DATE_ONLY_LINE_RE.test(s.text.replace(/(?:令和|平成)/g, '')));
  const add = (units: Array<{ start: number; text: string; index: number }>) => {
    for (const h of applyRules(OCCURRED_RULES, units, { without: ctx.without })) {
      const list = byIndex.get(h.unit.index) ?? [];
      list.push(h);
      byIndex.set(h.unit.index, list);
    }
  };
  const unit = (i: number) => ({ start: sentences[i]!.start, text: sentences[i]!.text, index: i });
  const near = sentences.map((s, i) => dated[i]! || dateLine[i + 1] === true || (i > 0 && (dateLine[i - 1]! || (dated[i - 1]! && SEQUEL_RE.test(s.text)))));
  add(sentences.map((_, i) => i).filter((i) => near[i]).map(unit));
  // The sentences after a quiet dated opening (a date at its head and no cue) may tell the event it dates.
  const told: number[] = [];
  for (let j = 0; j < sentences.length; j++) {
    const ds = datesIn(ctx, sentences[j]!.start, sentences[j]!.end);
    if (!dated[j] || dateLine[j] || (byIndex.get(j) ?? []).some((h) => !quietHit(ctx, h, ds))) continue;
    if (ds.length !== 1 || ds[0]!.start - sentences[j]!.start > OPENING_REACH) continue;
    for (let k = j + 1; k <= Math.min(sentences.length - 1, j + NARRATIVE_REACH) && !dated[k]; k++) if (!near[k]) told.push(k);
  }
  add([...new Set(told)].map(unit));
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const own = byIndex.get(i);
    // A line holding only a period takes its meaning from the heading above it (「閲覧可能だった期間」).
    // The notice's own date line under its title is not a period the title speaks of.
    const fromAbove = dateLine[i]! && i > 0 && !datesIn(ctx, s.start, s.end).every((d) => isoOf(ctx, d) === ctx.noticeDate);
    if (!own && !(fromAbove && byIndex.has(i - 1))) continue;
    if (ADVICE_RE.test(unquoted(s.text))) continue;
    const hits = own ?? [];
    const stated = fromAbove ? (byIndex.get(i - 1) ?? []) : hits;
    // The start of a payment period is read from who paid when, not from an event verb.
    for (const { d, rule } of exposureStarts(ctx, s, hits)) consider(d, 'medium', [rule]);
    const eventHits = stated.filter((h) => EVENT_ROLES.has(h.rule.value));
    if (eventHits.length === 0) continue;
    const eventRules = [...new Set(eventHits.map((h) => h.rule.id))];
    const eventConfidence = eventHits.some((h) => h.rule.confidence === 'high') ? 'high' : 'medium';
    // 「その後、…紛失した」 carries on from the date of the sentence before, and so does a timeline entry
    // written under a line holding only its date.
    const underDateLine = i > 0 && dateLine[i - 1]!;
    if (!dated[i] && (SEQUEL_RE.test(s.text) || underDateLine) && i > 0) {
      const prev = datesIn(ctx, sentences[i - 1]!.start, sentences[i - 1]!.end).at(-1);
      // The notice's own date line over its opening summary dates the notice, not the event.
      if (prev && !(underDateLine && !SEQUEL_RE.test(s.text) && isoOf(ctx, prev) === ctx.noticeDate)) consider(prev, 'low', eventRules);
      continue;
    }
    // A dated opening with no event word (「4月3日、職員が顧客宅を訪問しました。帰りの車内に書類を置き忘れ…」)
    // dates the event told in the sentences after it: a weak guess, used where nothing dates the event itself.
    if (!dated[i]) {
      if (!eventHits.some((h) => h.rule.value === 'event' || h.rule.value === 'person-act') || hits.some((h) => h.rule.value === 'finding')) continue;
      for (let j = i - 1; j >= Math.max(0, i - NARRATIVE_REACH); j--) {
        if (!dated[j]) continue;
        const js = sentences[j]!;
        const opening = datesIn(ctx, js.start, js.end);
        const quiet = !(byIndex.get(j) ?? []).some((h) => !quietHit(ctx, h, opening));
        const sanction = opening.length === 1 && SANCTION_AFTER_RE.test(ctx.text.slice(opening[0]!.end, js.end));
        if (quiet && !sanction && !dateLine[j] && opening.length === 1 && opening[0]!.start - js.start <= OPENING_REACH) consider(opening[0]!, 'low', eventRules, true);
        break;
      }
      continue;
    }
    for (const c of candidates(ctx, s, hits, eventHits)) {
      // An event sentence with the year written is as sure as its cue; a year taken from context is medium.
      const conf = c.d.year === null ? weaker(c.confidence, 'medium') : weaker(c.confidence, eventConfidence);
      consider(c.d, c.fallback ? 'low' : conf, c.fallback ? c.rules : [...eventRules, ...c.rules], c.fallback);
    }
  }
  // 「対象期間:2030年6月3日~9月24日」 over 「上記期間にご注文いただいた…」 beside card data: the window the payment page
  // was tampered with, told by a labelled period line and a row that refers back to it.
  for (let i = 1; i < sentences.length; i++) {
    if (!ABOVE_PERIOD_RE.test(sentences[i]!.text)) continue;
    const prev = sentences[i - 1]!;
    const start = PERIOD_LABEL_RE.test(prev.text) ? datesIn(ctx, prev.start, prev.end).find((d) => d.rangeStart) : undefined;
    const near = sentences.slice(Math.max(0, i - 2), i + 3).map((x) => x.text).join('');
    if (start && CARD_CONTEXT_RE.test(near)) consider(start, 'medium', ['occurred_date/card-entry-window']);
  }
  const b = (best ?? fallback) as Best | null;
  return b ? { value: b.iso, at: [b.at], confidence: b.confidence, rules: b.rules } : null;
}
