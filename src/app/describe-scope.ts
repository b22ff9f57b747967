// A filter in words ("事案の種類: ランサムウェア; 公表日 2024-01-01〜2024-12-31"), printed beside every
// figure so a reader knows what it was computed over.
import type { MessageKey, Translate } from '../i18n/messages.ts';
import type { FactsScope } from './scoped-facts.ts';

export function describeScope(scope: FactsScope, t: Translate): string {
  const f = scope.filter;
  const parts: string[] = [];
  const list = (label: MessageKey, prefix: string, values: readonly string[] | undefined) => {
    if (values?.length) parts.push(`${t(label)}: ${values.map((v) => t(`${prefix}.${v}` as MessageKey) ?? v).join(', ')}`);
  };
  if (scope.q) parts.push(`「${scope.q}」`);
  list('facet.type', 'incident_type', f.types);
  list('facet.sector', 'sector', f.sectors);
  list('facet.data', 'data_type', f.dataTypes);
  if (f.years?.length) parts.push(`${t('facet.year')}: ${f.years.map((y) => (y === 'none' ? t('facet.undated') : y)).join(', ')}`);
  if (f.months?.length) parts.push(`${t('facet.month')}: ${f.months.join(', ')}`);
  if (f.from || f.to) parts.push(`${t('field.disclosure_date')}: ${f.from ?? ''}〜${f.to ?? ''}`);
  const yn = (label: MessageKey, v: boolean | undefined) => { if (v !== undefined) parts.push(`${t(label)}: ${t(v ? 'common.yes' : 'common.no')}`); };
  yn('facet.contractor', f.contractor);
  yn('facet.ppc', f.ppc);
  yn('facet.attacker', f.attacker);
  if (f.review) parts.push(`${t('facet.review')}: ${t(`facet.review.${f.review}`)}`);
  // Figures count the Japanese notices' incidents unless the scope asks for another dataset (core/dataset.ts).
  if (f.dataset === 'all' || f.dataset === 'imported') parts.push(`${t('facet.dataset')}: ${t(`facet.dataset.${f.dataset}`)}`);
  return parts.length ? parts.join('; ') : t('dashboard.scope.all');
}
