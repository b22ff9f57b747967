// STIX use cases: gather each incident's notices for the bundle, and load the OASIS schemas to check it.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { JikenboError, reasonOf } from '../core/errors.ts';
import type { IncidentRow } from '../formats/incident-row.ts';
import { toStixBundle, type StixBundle, type StixIncident, type StixOptions } from '../formats/stix.ts';
import { createStixValidator, type StixValidator } from '../formats/stix-validate.ts';
import type { ClaimStore, DocumentStore } from '../store/ports.ts';

/** What the exports read: the notices, and the claims people confirmed. */
export type ExportStore = DocumentStore & Pick<ClaimStore, 'listClaimLinks' | 'getClaim'>;
import { packageRoot } from './package-root.ts';

export const DEFAULT_STIX_SCHEMAS = resolve(packageRoot(), '../shared/vendor-data/stix/schemas');

export async function stixIncidents(store: ExportStore, rows: readonly IncidentRow[]): Promise<StixIncident[]> {
  const out: StixIncident[] = [];
  for (const row of rows) {
    const notices = [];
    for (const noticeId of row.noticeIds) {
      const n = await store.getNotice(noticeId);
      if (!n) continue;
      notices.push({
        name: n.title ?? n.header, disclosureDate: n.disclosureDate, ingestedAt: n.document.ingestedAt,
        sha256: n.document.sha256, ordinal: n.ordinal, source: n.document.source,
      });
    }
    out.push({ row, notices, claimGroups: await confirmedGroups(store, row.id) });
  }
  return out;
}

/** The claims confirmed (and not taken back) for an incident: each one's group and the victim domain it gives. */
export async function confirmedClaimFacts(store: ExportStore, incidentId: number): Promise<{ group: string; domain: string | null }[]> {
  const out: { group: string; domain: string | null }[] = [];
  for (const link of await store.listClaimLinks({ incidentId })) {
    if (link.undone) continue;
    const claim = await store.getClaim(link.claimId);
    if (claim) out.push({ group: claim.group, domain: claim.domain });
  }
  return out;
}

/** The groups named by the claims confirmed for an incident, each once. */
export async function confirmedGroups(store: ExportStore, incidentId: number): Promise<string[]> {
  return [...new Set((await confirmedClaimFacts(store, incidentId)).map((c) => c.group))].sort();
}

export async function buildStixBundle(store: ExportStore, rows: readonly IncidentRow[], options: StixOptions = {}): Promise<StixBundle> {
  return toStixBundle(await stixIncidents(store, rows), options);
}

/** The schemas folder from the flag, then JIKENBO_STIX_SCHEMAS, then ../shared beside the repository. */
export function resolveStixSchemaDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const dir = flag ?? env.JIKENBO_STIX_SCHEMAS ?? DEFAULT_STIX_SCHEMAS;
  if (!existsSync(dir)) {
    throw new JikenboError('bad_input', `the STIX 2.1 schemas are not at ${dir}: pass --schema DIR or set JIKENBO_STIX_SCHEMAS`, { subject: 'schema' });
  }
  return resolve(dir);
}

export async function loadStixValidator(dir: string): Promise<StixValidator> {
  const schemas: Record<string, unknown>[] = [];
  for (const sub of ['common', 'sdos', 'sros', 'observables']) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const name of (await readdir(folder)).filter((f) => f.endsWith('.json')).sort()) {
      try {
        schemas.push(JSON.parse(await readFile(join(folder, name), 'utf8')));
      } catch (err) {
        throw new JikenboError('bad_input', `${join(folder, name)}: ${reasonOf(err)}`, { subject: 'schema', cause: err });
      }
    }
  }
  if (schemas.length === 0) throw new JikenboError('bad_input', `${dir}: no STIX schemas found`, { subject: 'schema' });
  return createStixValidator(schemas);
}
