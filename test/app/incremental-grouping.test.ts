// Incremental grouping gives what grouping the whole casebook at once gives: after random batches of
// ingests, corrections (organisation, dates, kind, casebook number), a person's links and unlinks,
// the incidents stored are the partition planIncidents makes from the whole casebook, and the links
// stored are linkNotices' links. On both engines.
import { describe, expect, it } from 'vitest';
import { loadGroupingSet } from '../../bench/grouping-set.ts';
import { linkKey, linkNotices, settleLinks } from '../../src/analyze/link-notices.ts';
import { planIncidents } from '../../src/analyze/plan-incidents.ts';
import { regroupIncidents } from '../../src/app/incidents.ts';
import type { IncidentRecord } from '../../src/core/record.ts';
import type { LinkableNotice } from '../../src/store/store.ts';
import type { Store } from '../../src/store/ports.ts';
import { Rng } from '../../scripts/gen-corpus/prng.ts';
import { ENGINES } from '../store/engines.ts';
import { putNotice } from '../store/fixtures.ts';

const partition = (groups: Iterable<readonly number[]>): string[] => [...groups].map((g) => [...g].sort((a, b) => a - b).join(',')).sort();

async function wholeCasebookPlan(store: Store): Promise<{ planned: string[]; stored: string[] }> {
  const snapshot = await store.loadIncidentSnapshot();
  const plan = planIncidents(snapshot);
  return {
    planned: partition(plan.incidents.map((p) => p.members.map((m) => m.noticeId))),
    stored: partition(snapshot.incidents.map((i) => i.noticeIds)),
  };
}

async function storedLinks(store: Store): Promise<string[]> {
  const snapshot = await store.loadIncidentSnapshot();
  return settleLinks(await store.linksTouching(snapshot.notices.map((n) => n.id))).map(linkKey).sort();
}

async function wholeCasebookLinks(store: Store): Promise<string[]> {
  return linkNotices((await store.loadIncidentSnapshot()).notices).map(linkKey).sort();
}

const CORRECTABLE = ['organization', 'disclosure_date', 'occurred_date', 'kind', 'casebook_id'] as const;

/** Another value for the field, drawn from the set's own values so that corrections make and break links. */
function anotherValue(rng: Rng, field: (typeof CORRECTABLE)[number], all: readonly LinkableNotice[]): string | null {
  const other = all[rng.int(0, all.length - 1)]!.record;
  switch (field) {
    case 'organization': return other.organization ?? '株式会社どこにもない';
    case 'disclosure_date': return other.disclosure_date;
    case 'occurred_date': return other.occurred_date;
    case 'kind': return rng.int(0, 3) === 0 ? 'other' : 'incident';
    case 'casebook_id': return rng.int(0, 1) === 0 ? other.casebook_id : null;
  }
}

for (const engine of ENGINES) {
  describe(`incremental grouping on ${engine.name}`, () => {
    const { notices } = loadGroupingSet();

    const seeds = (process.env.GROUPING_SEEDS ?? (engine.name === 'sqlite' ? '16,17' : '61')).split(',').map(Number);
    it.each(seeds)('matches grouping the whole casebook after every kind of change, in random order (seed %i)', async (seed) => {
      const opened = await engine.open();
      const { store } = opened;
      const rng = new Rng(seed);
      const order = [...notices].sort(() => rng.int(0, 2) - 1);
      const ids: number[] = [];
      let next = 0;
      let corrections = 0;
      let decisions = 0;
      for (let step = 0; next < order.length || step < 40; step++) {
        const roll = rng.int(0, 9);
        if (next < order.length && (roll < 5 || ids.length < 4)) {
          // A batch of one to six notices, regrouped once after it, as an ingest does.
          for (let k = rng.int(1, 6); k > 0 && next < order.length; k--) ids.push(await putNotice(store, order[next++]!));
        } else if (roll < 8) {
          const id = ids[rng.int(0, ids.length - 1)]!;
          const field = CORRECTABLE[rng.int(0, CORRECTABLE.length - 1)]!;
          const current = (await store.loadLinkable([id], false))[0]!.record as IncidentRecord;
          await store.addCorrection({
            target: 'notice', targetId: id, field, oldValue: current[field] as string | null,
            newValue: anotherValue(rng, field, notices), by: 'tester',
          });
          corrections++;
        } else if (roll === 8) {
          const a = ids[rng.int(0, ids.length - 1)]!;
          const b = ids[rng.int(0, ids.length - 1)]!;
          if (a !== b) await store.linkNotices(a, b, 'tester');
          decisions++;
        } else {
          await store.unlinkNotice(ids[rng.int(0, ids.length - 1)]!, 'tester');
          decisions++;
        }
        await regroupIncidents(store);
        if (step % 10 === 0) {
          const { planned, stored } = await wholeCasebookPlan(store);
          expect(stored, `after step ${step}`).toEqual(planned);
        }
      }
      expect(corrections).toBeGreaterThan(5);
      expect(decisions).toBeGreaterThan(2);
      const { planned, stored } = await wholeCasebookPlan(store);
      expect(stored).toEqual(planned);
      // Real groups, not all singletons: the set's follow-ups and contractors are linked.
      expect(stored.filter((g) => g.includes(',')).length).toBeGreaterThan(5);
      expect(await storedLinks(store)).toEqual(await wholeCasebookLinks(store));
      expect(await store.groupingWork()).toEqual({ 1: 0, 2: 0, 3: 0 });
      await opened.dispose();
    }, 120_000);
  });
}
