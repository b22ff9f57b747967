// The yearly summary analysts publish, from the casebook: one self-contained HTML document (charts as
// inline SVG, styles in the document, no external requests), each figure with what it was computed over.
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { estimateDamage, summarizeDamages, type DamageEstimate, type JnsaTables } from '../analyze/jnsa-damage.ts';
import { summarizeDuty, type DutySummary } from '../analyze/reporting-duty.ts';
import type { FactRow } from '../analyze/stats/fact-row.ts';
import { allStats } from '../analyze/stats/stats-by.ts';
import { dashboardFiguresOf } from '../analyze/stats/dashboard-figures.ts';
import { dutyCounts } from '../analyze/duty-mark.ts';
import { TSR_CAUSE_OF } from '../analyze/stats/tsr-cause.ts';
import { describeScope } from '../app/describe-scope.ts';
import type { FactsScope } from '../app/scoped-facts.ts';
import { CHARTS } from '../charts/all-charts.ts';
import type { ChartId, ChartTable } from '../charts/chart.ts';
import { renderChartSvg } from '../charts/render-svg.ts';
import { INCIDENT_TYPES } from '../core/record.ts';
import { translator, type MessageKey } from '../i18n/messages.ts';
import { REPORT_CSS } from './report-style.ts';

type H = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface ReportInput {
  year: number;
  rows: readonly FactRow[];
  scope: FactsScope;
  jnsa: JnsaTables;
  /** Where the JNSA tables came from (a settings file), for the method note. */
  settingsFile: string | null;
  generatedAt: string;
  /** The duty check with the notices read (app/duty-check.ts); without it, from the values alone. */
  duty?: DutySummary;
}

const t = translator('ja');
const n = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toLocaleString('ja-JP'));
const yen = (x: number | null) => (x === null ? '—' : `¥${x.toLocaleString('ja-JP')}`);
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function table(tbl: ChartTable, caption?: string): H {
  return html`<table>${caption ? html`<caption>${caption}</caption>` : ''}<thead><tr>${tbl.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${tbl.rows.map((r) => html`<tr>${r.map((v) => (typeof v === 'number' ? html`<td class="num">${n(v)}</td>` : html`<td>${v}</td>`))}</tr>`)}</tbody></table>`;
}

export async function renderAnnualReport(input: ReportInput): Promise<string> {
  const { rows, year } = input;
  const stats = allStats(rows);
  const duty = input.duty ?? summarizeDuty(rows);
  const estimates = rows.map((r) => estimateDamage(r, input.jnsa));
  const damages = summarizeDamages(estimates);
  const estimateOf = new Map(estimates.map((e) => [e.incidentId, e]));
  const scopeText = describeScope(input.scope, t);
  const over = (extra = '') => html`<p class="scope">集計対象: ${scopeText} の事案 ${n(rows.length)} 件${extra}</p>`;
  const figures = dashboardFiguresOf(rows, dutyCounts(duty));
  const chart = (id: ChartId) => {
    const c = CHARTS[id](figures, t);
    return html`<figure>${raw(renderChartSvg(c))}<figcaption>${c.title}${c.note ? html` — ${c.note}` : ''}</figcaption></figure>
<details open><summary>数値</summary>${table(c.table)}</details>`;
  };
  const largest = rows.filter((r) => r.affectedCount !== null).sort((a, b) => b.affectedCount! - a.affectedCount! || a.id - b.id).slice(0, 10);
  const delay = stats.delays;
  const typeLabel = (k: string) => t(`incident_type.${k}` as MessageKey);

  const doc = html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>セキュリティ事案 年次まとめ ${year}年 — jikenbo 事件簿</title>
<style>${raw(REPORT_CSS)}</style>
</head>
<body>
<header>
<p class="kicker">jikenbo 事件簿 — 年次まとめ</p>
<h1>${year}年のセキュリティ事案</h1>
<p class="lead">${year}年に公表された個人情報漏えい・セキュリティ事案 ${n(rows.length)} 件を、${checkedText(rows)}にもとづいてまとめました。
影響を受けた人数は、人数の分かる ${n(stats.affected.counted)} 件の合計で ${n(stats.affected.total)} 人です。</p>
<p class="scope">集計対象: ${scopeText}。作成 ${input.generatedAt}。</p>
</header>

<section id="totals">
<h2>概要</h2>
<dl class="totals">
<div><dt>事案</dt><dd>${n(rows.length)} 件</dd></div>
<div><dt>影響人数の合計</dt><dd>${n(stats.affected.total)} 人</dd><dd class="sub">人数の分かる ${n(stats.affected.counted)} 件</dd></div>
<div><dt>影響人数の中央値</dt><dd>${n(stats.affected.median)} 人</dd></div>
<div><dt>発覚から公表まで (中央値)</dt><dd>${n(delay.discoveredToDisclosed.median)} 日</dd><dd class="sub">${n(delay.discoveredToDisclosed.incidents)} 件</dd></div>
<div><dt>委託先の関与</dt><dd>${n(stats.contractor.involved)} 件</dd><dd class="sub">${pct(stats.contractor.share)}</dd></div>
<div><dt>想定損害賠償額 (JNSA)</dt><dd>${yen(damages.total)}</dd><dd class="sub">人数の分かる ${n(damages.estimated)} 件</dd></div>
</dl>
${over()}
</section>

<section id="months">
<h2>月別の推移</h2>
${over(` (公表日のない ${n(stats.month.undated)} 件は含みません)`)}
${chart('incidents-per-month')}
</section>

<section id="causes">
<h2>原因 (東京商工リサーチの4分類)</h2>
${over()}
${table({ columns: ['原因', '件数', '影響人数'], rows: [...stats.cause.rows.map((r) => [r.cause, r.count, r.people]), ['4分類に当たらないもの', stats.cause.none, '']] })}
<p class="note">事案の種類から分類へ: ${INCIDENT_TYPES.map((k) => `${typeLabel(k)} → ${TSR_CAUSE_OF[k] ?? '該当なし'}`).join('、')}。複数の原因に当たる事案は、不正アクセス等 → 不正持ち出し・盗難 → 誤表示・誤送信 → 紛失・誤廃棄 の順で一つに数えます。</p>
<h3>事案の種類</h3>
${table({ columns: ['種類', '件数'], rows: [...stats.type.rows.map((r) => [typeLabel(r.key), r.count]), ...(stats.type.unknown ? [['不明', stats.type.unknown]] : [])] }, '一つの事案が複数の種類に数えられます')}
</section>

<section id="sectors">
<h2>業種</h2>
${over()}
${chart('sectors')}
</section>

<section id="data">
<h2>漏えいした項目</h2>
${over()}
${chart('data-types')}
<h3>発覚の経緯・攻撃者</h3>
<div class="pair">
${table({ columns: ['発覚の経緯', '件数'], rows: [...stats.discovery.rows.map((r) => [t(`discovery.${r.key}`), r.count]), ['不明', stats.discovery.unknown]] })}
${table({ columns: ['名指しされた攻撃者', '件数'], rows: stats.attacker.rows.length ? stats.attacker.rows.map((r) => [r.key, r.count]) : [['(なし)', 0]] })}
</div>
</section>

<section id="delays">
<h2>公表までの日数</h2>
${table({ columns: ['区間', '中央値 (日)', '90パーセンタイル (日)', '件数'], rows: [
    ['発生 → 発覚', delay.occurredToDiscovered.median ?? '—', delay.occurredToDiscovered.p90 ?? '—', delay.occurredToDiscovered.incidents],
    ['発覚 → 公表', delay.discoveredToDisclosed.median ?? '—', delay.discoveredToDisclosed.p90 ?? '—', delay.discoveredToDisclosed.incidents],
  ] })}
<p class="note">両方の日付が分かる事案だけで計算します。90パーセンタイルは最近順位法 (小さい順に並べて ⌈0.9×件数⌉ 番目の値)。日付の前後が逆の事案 (${n(delay.discoveredToDisclosed.inconsistent)} 件) は除きました。</p>
${over()}
${chart('disclosure-delay')}
</section>

<section id="reporting">
<h2>個人情報保護委員会への報告</h2>
${over()}
<p>報告対象の条件 (個人情報保護法施行規則 第7条) に当たり、公表文の記載から疑う理由のない事案は ${n(duty.reportable)} 件、うち公表文が委員会への報告に触れているのは ${n(duty.reported)} 件です。
条件に当たるものの、国内の事業者・行政機関でない可能性や個人データの記載がないなどで疑わしい事案 ${n(duty.doubtful.length)} 件は、この数にも下の一覧にも含めていません。
確報の期限 (発覚から30日、不正の目的によるものは60日) より後に公表された事案は、両方の日付が分かる ${n(duty.lateDisclosure.of)} 件のうち ${n(duty.lateDisclosure.late)} 件 (${pct(duty.lateDisclosure.share)}) でした。
公表文が日付を示した報告では、速報 ${n(duty.lateReports.sokuho.of)} 件のうち ${n(duty.lateReports.sokuho.late)} 件、確報 ${n(duty.lateReports.kakuho.of)} 件のうち ${n(duty.lateReports.kakuho.late)} 件が期限より後でした。</p>
${table({ columns: ['条件', '件数'], rows: duty.byCondition.map((c) => [c.label, c.count]) })}
<h3>条件に当たるが報告の記載がない事案 (${n(duty.unmentioned.length)} 件)</h3>
${table({ columns: ['事件簿番号', '組織', '条件と根拠の文', '発覚日', '確報の期限', '公表日'], rows: duty.unmentioned.map((a) => [
    a.number ?? '', a.organization ?? '', a.conditions.map((c) => `${c.label}${c.sentence ? `「${c.sentence}」` : ''}`).join('、'), a.discoveredDate ?? '—', a.kakuhoDue ?? '—', a.disclosureDate ?? '—',
  ]) })}
<h3>疑わしく、一覧に含めなかった事案 (${n(duty.doubtful.length)} 件)</h3>
${table({ columns: ['理由', '件数'], rows: doubtCounts(duty) }, '一つの事案が複数の理由に数えられます。組織名は載せません')}
<p class="note">公表文に記載がないことは、報告していないことを意味しません。速報の目安は発覚から5日 (「概ね3〜5日」の上限)、確報は発覚の翌日から数えて30日 (60日) で、休日による繰り延べは考慮していません。</p>
</section>

<section id="damages">
<h2>想定損害賠償額 (JNSAモデル)</h2>
${over(` (人数の分かる ${n(damages.estimated)} 件)`)}
<p>一人あたりの額 = 500円 × 機微情報度 × 本人特定容易度 × 社会的責任度 × 事後対応評価、機微情報度 = 10^(プライバシー−1) + 5^(経済的損失−1)。
合計 ${yen(damages.total)}。${input.settingsFile ? `表は設定ファイル ${input.settingsFile} で上書きしています。` : '表は既定値です。'}</p>
${damageTable(damages.largest.map((l) => estimateOf.get(l.incidentId)!), rows)}
</section>

<section id="largest">
<h2>影響人数の多い10件</h2>
${over(` (人数の分かる ${n(stats.affected.counted)} 件)`)}
${chart('affected-people')}
${table({ columns: ['事件簿番号', '組織', '公表日', '種類', '影響人数', '想定賠償額'], rows: largest.map((r) => [
    r.number ?? '', r.organization ?? '', r.disclosureDate ?? '—', r.incidentTypes.map(typeLabel).join('、'), r.affectedCount!, yen(estimateOf.get(r.id)!.total),
  ]) })}
</section>
<footer><p>jikenbo 事件簿で作成。数値はすべて公表文の記載にもとづき、記載のない値は「不明」として除いています。</p></footer>
</body>
</html>`;
  return (await doc).toString();
}

/** What people checked, as the lead states it: never 「人が確かめた」 beyond the values they did. */
export function checkedText(rows: readonly FactRow[]): string {
  let confirmed = 0;
  let corrected = 0;
  let of = 0;
  for (const r of rows) {
    confirmed += r.review?.confirmed ?? 0;
    corrected += r.review?.corrected ?? 0;
    of += r.review?.of ?? 0;
  }
  if (confirmed + corrected === 0) return '公表文から機械で抽出した記録 (人が確かめた値はありません)';
  return `公表文から抽出した記録 (値 ${n(of)} 件のうち、人が確認したもの ${n(confirmed)} 件・訂正したもの ${n(corrected)} 件。ほかは機械の読み取りのまま)`;
}

function doubtCounts(duty: DutySummary): [string, number][] {
  const counts = new Map<string, number>();
  for (const a of duty.doubtful) for (const kind of new Set(a.doubts.map((d) => d.kind))) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => [t(`duty.doubt.${kind}` as MessageKey), count]);
}

function damageTable(estimates: DamageEstimate[], rows: readonly FactRow[]): H {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const dt = (k: string | null) => (k ? t(`data_type.${k}` as MessageKey) : '—');
  return table({
    columns: ['事件簿番号', '組織', 'プライバシー (項目)', '経済的損失 (項目)', '機微情報度', '本人特定容易度', '社会的責任度', '事後対応', '一人あたり', '人数', '合計'],
    rows: estimates.map((e) => {
      const r = byId.get(e.incidentId)!;
      return [r.number ?? '', r.organization ?? '', `${e.privacy.level} (${dt(e.privacy.setBy)})`, `${e.economic.level} (${dt(e.economic.setBy)})`,
        e.sensitivity, e.identifiability.factor, e.socialResponsibility.factor, e.response.factor, yen(e.perPerson), e.people ?? '—', yen(e.total)];
    }),
  }, '合計額の大きい順に最大10件');
}
