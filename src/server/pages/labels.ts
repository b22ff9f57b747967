// Labels for record fields and their values in the page's language, from the message catalogue.
import { findGroup } from '../../analyze/ransomware-groups.ts';
import type { Facet } from '../../analyze/incident-filter.ts';
import type { DataType, Discovery, IncidentType, Kind, RecordKey, Sector } from '../../core/record.ts';
import { formatNumber, type Locale, type MessageKey, type Translate } from '../../i18n/messages.ts';
import { clipTitle } from './page-limits.ts';

export const fieldLabel = (t: Translate, key: RecordKey) => t(`field.${key}`);
export const typeLabel = (t: Translate, v: IncidentType) => t(`incident_type.${v}`);
export const dataLabel = (t: Translate, v: DataType) => t(`data_type.${v}`);
export const sectorLabel = (t: Translate, v: Sector) => t(`sector.${v}`);
export const discoveryLabel = (t: Translate, v: Discovery) => t(`discovery.${v}`);
export const kindLabel = (t: Translate, v: Kind) => t(`kind.${v}`);

export const FACET_TITLES: Record<Facet, MessageKey> = {
  types: 'facet.type', sectors: 'facet.sector', dataTypes: 'facet.data', years: 'facet.year', months: 'facet.month',
  contractor: 'facet.contractor', ppc: 'facet.ppc', attacker: 'facet.attacker', review: 'facet.review',
};

/** A facet value as the URL writes it ('loss', '2024', 'yes', 'reviewed') in words. */
export function facetValueLabel(t: Translate, facet: Facet, value: string): string {
  switch (facet) {
    case 'types': return typeLabel(t, value as IncidentType);
    case 'sectors': return sectorLabel(t, value as Sector);
    case 'dataTypes': return dataLabel(t, value as DataType);
    case 'years': return value === 'none' ? t('facet.undated') : value;
    case 'months': return value;
    case 'contractor': case 'ppc': return t(value === 'yes' ? 'common.yes' : 'common.no');
    case 'attacker': return t(value === 'yes' ? 'facet.attacker.named' : 'facet.attacker.unnamed');
    case 'review': return t(value === 'reviewed' ? 'facet.review.reviewed' : 'facet.review.unreviewed');
  }
}

/** Any record value in words: lists joined, booleans yes/no, enums labelled, null as a dash. */
export function valueText(t: Translate, key: RecordKey, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return t('common.none');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return key === 'affected_count' ? t('common.people', { n: value }) : formatNumber(locale, value);
  const one = (v: string): string => {
    switch (key) {
      case 'incident_types': return typeLabel(t, v as IncidentType);
      case 'data_types': return dataLabel(t, v as DataType);
      case 'sector': return sectorLabel(t, v as Sector);
      case 'discovery': return discoveryLabel(t, v as Discovery);
      case 'kind': return kindLabel(t, v as Kind);
      // A group as written, with the alias table's name where it differs (「LOCKBIT2.0（LockBit）」).
      case 'attacker': {
        const group = findGroup(v)?.name;
        return group && group !== v.trim() ? `${clipTitle(v)}${locale === 'ja' ? `（${group}）` : ` (${group})`}` : clipTitle(v);
      }
      default: return clipTitle(v);
    }
  };
  return Array.isArray(value) ? value.map((v) => one(String(v))).join(locale === 'ja' ? '、' : ', ') : one(String(value));
}
