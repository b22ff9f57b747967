// `jikenbo duty [filters] [--all] [--json]`: the 個人情報保護法 reporting duty of each incident, the
// reportable incidents whose notices do not mention a report, and how many were disclosed after the
// 確報 deadline.
import { summarizeDuty, type DutyAssessment } from '../../analyze/reporting-duty.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { scopedFacts } from '../../app/scoped-facts.ts';
import { parseCommand } from '../options.ts';
import { SCOPE_OPTIONS, scopeFromOptions } from '../scope-options.ts';

export async function dutyCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('duty', args, { db: { type: 'string' }, json: { type: 'boolean' }, all: { type: 'boolean' }, ...SCOPE_OPTIONS });
  const scope = scopeFromOptions('duty', values);
  const casebook = await openCommandCasebook(values.db);
  try {
    const summary = summarizeDuty(await scopedFacts(casebook.store, scope));
    if (values.json) {
      const { assessments, ...rest } = summary;
      process.stdout.write(JSON.stringify(values.all ? summary : rest) + '\n');
      return 0;
    }
    const out = process.stdout;
    const late = summary.lateDisclosure;
    out.write(`${summary.reportable} of ${summary.incidents} incidents meet a reporting condition; ${summary.reported} say they reported to the 個人情報保護委員会\n`);
    for (const c of summary.byCondition) out.write(`  ${c.label}: ${c.count}\n`);
    out.write(`disclosed after the 確報 deadline: ${late.late} of ${late.of} reportable incidents with both dates` +
      `${late.share === null ? '' : ` (${(late.share * 100).toFixed(1)}%)`}\n`);
    out.write(`\nreportable, no report mentioned (${summary.unmentioned.length}):\n`);
    for (const a of summary.unmentioned) out.write(line(a));
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
  const why = a.conditions.length ? a.conditions.map((c) => `${c.label}: ${c.because}`).join('; ') : 'no condition';
  const due = a.kakuhoDue ? ` — discovered ${a.discoveredDate}, 速報 ${a.sokuhoDue}, 確報 ${a.kakuhoDue} (${a.kakuhoDays} days)${a.disclosedAfterKakuho ? `, disclosed ${a.disclosureDate}: after the 確報 deadline` : ''}` : a.reportable ? ' — discovery date unknown' : '';
  return `  ${who}: ${why}${a.reportedToPpc ? ' [reported]' : ''}${due}\n`;
}
