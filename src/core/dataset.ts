// Which dataset a notice, and so its incident, belongs to (issue 20): the Japanese notices jikenbo reads
// ('jp-notices'), or incidents imported from another casebook's files ('veris:<source_id>', e.g.
// 'veris:vcdb'). Imported incidents are never grouped by the notice rules, get no casebook number and
// are left out of the Japanese statistics unless a view asks for them (DatasetChoice).

export const JP_NOTICES = 'jp-notices';

/** What a view counts: every incident, the Japanese notices' incidents, or the imported ones. */
export const DATASET_CHOICES = ['all', 'jp', 'imported'] as const;
export type DatasetChoice = (typeof DATASET_CHOICES)[number];

/** True for a notice or incident imported from another dataset; a missing dataset is a notice jikenbo read. */
export function isImportedDataset(dataset: string | null | undefined): boolean {
  return dataset !== undefined && dataset !== null && dataset !== JP_NOTICES;
}

/**
 * The dataset of a VERIS file. jikenbo's own export (source_id 'jikenbo', the notice's record kept in
 * plus.jikenbo) is a Japanese notice's incident moved between casebooks: 'jp-notices', grouped and
 * numbered as before. Any other file is 'veris:' and its source_id ('veris:vcdb').
 */
export function datasetOfVeris(incident: { source_id?: unknown; plus?: unknown }): string {
  const plus = typeof incident.plus === 'object' && incident.plus !== null ? (incident.plus as Record<string, unknown>) : null;
  const jikenbo = plus && typeof plus.jikenbo === 'object' && plus.jikenbo !== null ? (plus.jikenbo as Record<string, unknown>) : null;
  if (incident.source_id === 'jikenbo' && jikenbo && typeof jikenbo.record === 'object' && jikenbo.record !== null) return JP_NOTICES;
  return verisDataset(incident.source_id);
}

/** 'veris:' and a source_id ('vcdb'), 'veris:unknown' without a usable one. */
export function verisDataset(sourceId: unknown): string {
  const id = typeof sourceId === 'string' ? sourceId.trim().toLowerCase() : '';
  return /^[a-z0-9][a-z0-9._-]{0,63}$/.test(id) ? `veris:${id}` : 'veris:unknown';
}

/**
 * An incident's dataset from its notices': a Japanese notice makes it a Japanese incident (a person
 * linked an imported record to it); else the dataset of its first imported notice.
 */
export function incidentDataset(members: readonly { dataset?: string | null }[]): string {
  if (members.length === 0 || members.some((m) => !isImportedDataset(m.dataset))) return JP_NOTICES;
  return members[0]!.dataset!;
}

/** Whether an incident of `dataset` is in the view `choice` (undefined: every incident). */
export function inDatasetChoice(dataset: string | null | undefined, choice: DatasetChoice | undefined): boolean {
  if (choice === undefined || choice === 'all') return true;
  return choice === 'imported' ? isImportedDataset(dataset) : !isImportedDataset(dataset);
}
