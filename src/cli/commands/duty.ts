// `jikenbo duty [filters] [--all] [--json]`: the 個人情報保護法 reporting duty of each incident, the
// reportable incidents whose notices do not mention a report, the doubtful ones apart, the stated
// 速報/確報 dates against their due dates, and how many were disclosed after the 確報 deadline.
import type { DutyAssessment, ReportAgainstDue } from '../../analyze/reporting-duty.ts';
import { checkDuty } from '../../app/duty-check.ts';
import { scopedFacts } from '../../app/scoped-facts.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { parseCommand } from '../options.ts';
import { SCOPE_OPTIONS, scopeFromOptions } from '../scope-options.ts';

export async function dutyCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('duty', args, { db: { type: 'string' }, json: { type: 'boolean' }, all: { type: 'boolean' }, ...SCOPE_OPTIONS });
  const scope = scopeFromOptions('duty', values);
  const casebook = await openCommandCasebook(values.db);
  try {
    const summary = await checkDuty(casebook.store, await scopedFacts(casebook.store, scope));
    if (values.json) {
      const { assessments, ...rest } = summary;
      process.stdout.write(JSON.stringify(values.all ? summary : rest) + '\n');
      return 0;
    }
    const out = process.stdout;
    const late = summary.lateDisclosure;
    out.write(`${summary.reportable} of ${summary.incidents} incidents meet a reporting condition with nothing in doubt (${summary.doubtful.length} more are doubtful); ` +
      `${summary.reported} of them say they reported to the 個人情報保護委員会\n`);
    for (const c of summary.byCondition) out.write(`  ${c.label}: ${c.count}\n`);
    out.write(`disclosed after the 確報 deadline: ${late.late} of ${late.of} reportable incidents with both dates` +
      `${late.share === null ? '' : ` (${(late.share * 100).toFixed(1)}%)`}\n`);
    const r = summary.lateReports;
    out.write(`stated 速報 after its due date: ${r.sokuho.late} of ${r.sokuho.of}; stated 確報 after its due date: ${r.kakuho.late} of ${r.kakuho.of}\n`);
    out.write(`\nreportable, no report mentioned (${summary.unmentioned.length}):\n`);
    for (const a of summary.unmentioned) out.write(line(a));
    out.write(`\ndoubtful, not counted as reportable (${summary.doubtful.length}):\n`);
    for (const a of summary.doubtful) out.write(line(a));
    if (values.all) {
      out.write('\nevery incident:\n');
      for (const a of summary.assessments) out.write(line(a));
    }
    return 0;
  } finally {
    await casebook.close();
  }
}

function line(a: DutyAssessment): string {
  const who = `${a.number ? `#${a.number}` : `incident ${a.incidentId}`} ${a.organization ?? '(organisation unknown)'}`;
  const why = a.conditions.length ? a.conditions.map((c) => `${c.label}: ${c.because}${c.sentence ? ` 「${c.sentence}」` : ''}`).join('; ') : 'no condition';
  const doubts = a.doubts.map((d) => `\n    doubtful (${d.kind}): ${d.why}${d.sentence ? ` 「${d.sentence}」` : ''}`).join('');
  const due = a.kakuhoDue ? ` — discovered ${a.discoveredDate}, 速報 ${a.sokuhoDue}, 確報 ${a.kakuhoDue} (${a.kakuhoDays} days)${a.disclosedAfterKakuho ? `, disclosed ${a.disclosureDate}: after the 確報 deadline` : ''}` : a.conditions.length ? ' — discovery date unknown' : '';
  const stated = [report('速報', a.sokuho), report('確報', a.kakuho)].filter((x) => x !== '').join('');
  return `  ${who}: ${why}${a.reportedToPpc ? ' [reported]' : ''}${due}${stated}${doubts}\n`;
}

function report(name: string, r: ReportAgainstDue): string {
  if (!r.report) return '';
  const when = r.report.date ? `on ${r.report.date}` : 'undated';
  const verdict = r.late === null ? '' : r.late ? `, after its due date ${r.due}` : `, by its due date ${r.due}`;
  return `\n    ${name} stated ${when}${verdict} 「${r.report.sentence}」`;
}
