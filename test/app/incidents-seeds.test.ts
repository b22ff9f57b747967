// Acceptance on the shared seed casebook (read-only third-party data, read in place from ../shared):
// 40 posts become 36 incidents.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { listMergedIncidents, type MergedIncident } from '../../src/app/incidents.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { haveShared, sharedPath } from '../helpers/shared-data.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const SEEDS = sharedPath('corpus/seeds');

describe.skipIf(!haveShared('incidents of the seed casebook', SEEDS))('incidents of the seed casebook', () => {
  const dir = tempDir();
  let casebook: Casebook;
  let incidents: MergedIncident[];
  const headersOf = (i: MergedIncident) => i.members.map((m) => m.header).join('\n');
  const withNumber = (n: string) => incidents.filter((i) => i.number === n);

  beforeAll(async () => {
    casebook = await openCasebook(join(dir, 'seeds.db'));
    const report = await ingestPaths([SEEDS], casebook);
    expect(report.failures).toEqual([]);
    expect(report.newRecords).toBe(40);
    incidents = await listMergedIncidents(casebook.store, { limit: 1000 });
  }, 60_000);
  afterAll(async () => casebook.close());

  it('makes 36 incidents from 40 posts, none from the two other posts and the claim list', async () => {
    expect(incidents).toHaveLength(36);
    expect(await casebook.store.countIncidents()).toBe(36);
    expect(incidents.flatMap((i) => i.members).every((m) => m.record.kind === 'incident')).toBe(true);
    expect(incidents.flatMap((i) => i.members)).toHaveLength(37);
  });

  it('puts the client\'s and the contractor\'s notices of #2023-413 in one incident, with the reasons', () => {
    const [one, ...more] = withNumber('2023-413');
    expect(more).toEqual([]);
    expect(one!.members).toHaveLength(2);
    expect(headersOf(one!)).toMatch(/積水ハウス/);
    expect(headersOf(one!)).toMatch(/山口金属曲板工業/);
    const rules = new Set(one!.members.flatMap((m) => m.links.map((l) => l.rule)));
    expect(rules).toContain('client_contractor');
    expect(one!.members.flatMap((m) => m.links).find((l) => l.rule === 'client_contractor')!.evidence).toMatch(/委託/);
    expect(one!.merged.organization.value).toMatch(/積水ハウス/);
    expect(one!.numberKept).toBe(true);
    expect(one!.numberClash).toBe(false);
  });

  it('keeps #2023-104 on two unrelated organisations\' incidents and flags the clash', () => {
    const shared = withNumber('2023-104');
    expect(shared).toHaveLength(2);
    expect(shared.every((i) => i.members.length === 1 && i.numberClash && i.numberKept)).toBe(true);
    expect(shared.map(headersOf).join('\n')).toMatch(/相澤病院[\s\S]*FRAGRANCY|FRAGRANCY[\s\S]*相澤病院/);
  });

  it('keeps 近畿大学病院\'s two events a year apart as two incidents', () => {
    const kindai = incidents.filter((i) => headersOf(i).includes('近畿大学病院'));
    expect(kindai).toHaveLength(2);
    expect(kindai.map((i) => i.number).sort()).toEqual(['2023-041', '2024-176']);
  });

  it('numbers every incident, assigning only where the header gave no full number, never onto a kept one', () => {
    const kept = incidents.filter((i) => i.numberKept);
    const assigned = incidents.filter((i) => !i.numberKept);
    // Header numbers as read; jikenbo's own in a form of their own.
    expect(kept.every((i) => /^\d{4}-\d{3,}$/.test(i.number ?? '') && i.ownNumber === null)).toBe(true);
    expect(assigned.every((i) => /^J\d{4}-\d{4,}$/.test(i.number ?? '') && i.ownNumber === i.number)).toBe(true);
    // The two #2022 headers, and the one incident post without a casebook header.
    expect(assigned).toHaveLength(3);
    expect(new Set(assigned.map((i) => i.number)).size).toBe(3);
  });
});
