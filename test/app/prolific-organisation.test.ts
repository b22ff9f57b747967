// An organisation with many notices over many years (a city that publishes one every few weeks): a
// new follow-up is linked to the notice it continues, found among that organisation's notices of its
// own window, and the regrouping reads those notices alone, not the organisation's whole history.
// On both engines. Every organisation, date and text here is invented.
import { describe, expect, it } from 'vitest';
import { regroupIncidents } from '../../src/app/incidents.ts';
import type { IncidentRecord } from '../../src/core/record.ts';
import type { Store } from '../../src/store/ports.ts';
import { ENGINES } from '../store/engines.ts';
import { makeDocument, makeNotice, makeRecord } from '../store/fixtures.ts';

const ORG = 'あおなみ市';

/** Notice k of the city: a different event every 40 days from 2012, each a different kind. */
function routine(k: number): { text: string; record: IncidentRecord } {
  const day = new Date(Date.UTC(2012, 0, 5) + k * 40 * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = day.split('-').map(Number);
  const kinds = [['loss', 'USBメモリの紛失'], ['misdelivery', '郵便物の誤送付'], ['theft', '書類の盗難']] as const;
  const [type, what] = kinds[k % 3]!;
  const text = `${what}について（${k}）\n${y}年${m}月${d}日\n${ORG}\n${y}年${m}月${d}日、${ORG}の担当課で${what}が判明しました。件番${k}。`;
  return { text, record: makeRecord({ header: `${what}について（${k}）`, title: `${what}について（${k}）`, organization: ORG, disclosure_date: day, occurred_date: day, incident_types: [type], sector: 'government' }) };
}

async function put(store: Store, n: { text: string; record: IncidentRecord }): Promise<number> {
  return (await store.ingestDocument(makeDocument(n.text), [makeNotice(n.text, n.record)])).noticeIds[0]!;
}

/** Counts the notices a regrouping reads, by wrapping the store's loadLinkable. */
function counting(store: Store): { store: Store; read: () => number } {
  let read = 0;
  const wrapped = new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'loadLinkable') {
        return async (ids: readonly number[], withText: boolean) => {
          read += ids.length;
          return target.loadLinkable(ids, withText);
        };
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: wrapped, read: () => read };
}

for (const engine of ENGINES) {
  describe(`a prolific organisation on ${engine.name}`, () => {
    it('links a follow-up to the notice it continues, reading only the notices of its window', async () => {
      const { store, dispose } = await engine.open();
      try {
        const ids: number[] = [];
        for (let k = 0; k < 130; k++) ids.push(await put(store, routine(k)));
        await regroupIncidents(store);
        // Notice 100 (late 2022): a follow-up of it arrives 60 days later, citing its date. Notice 97 is
        // of the same kind and nearer in the window, but the follow-up does not cite it.
        const earlier = routine(100).record;
        const [y, m, d] = earlier.disclosure_date!.split('-').map(Number);
        const published = new Date(Date.parse(`${earlier.disclosure_date!}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
        const [py, pm, pd] = published.split('-').map(Number);
        const followUp = {
          text: `郵便物の誤送付について（第2報）\n${py}年${pm}月${pd}日\n${ORG}\n${y}年${m}月${d}日にお知らせいたしました郵便物の誤送付について、調査の結果をお知らせします。`,
          record: makeRecord({ header: '郵便物の誤送付について（第2報）', title: '郵便物の誤送付について（第2報）', organization: ORG, disclosure_date: published, incident_types: ['misdelivery'], sector: 'government' }),
        };
        const id = await put(store, followUp);
        const { store: watched, read } = counting(store);
        await regroupIncidents(watched);

        const incidents = await store.listIncidents({ limit: 500 });
        const holding = incidents.find((i) => i.members.some((mem) => mem.noticeId === id))!;
        expect(holding.members.map((mem) => mem.noticeId).sort((a, b) => a - b)).toEqual([ids[100]!, id]);
        expect(holding.members.find((mem) => mem.noticeId === id)!.links.map((l) => l.rule)).toEqual(['follow_up']);
        // The window before the follow-up holds 548 / 40 ≈ 14 of the city's notices; its 130 are not all read.
        expect(read()).toBeGreaterThan(1);
        expect(read()).toBeLessThan(60);
        // Every other notice of the city stays alone: one day, one kind, one notice each.
        expect(incidents.filter((i) => i.members.length > 1)).toHaveLength(1);
      } finally {
        await dispose();
      }
    }, 120_000);
  });

  describe(`a contractor named by many clients over the years on ${engine.name}`, () => {
    it("links the contractor's own notice to the client of its event, reading the clients of its time alone", async () => {
      const { store, dispose } = await engine.open();
      try {
        // Client k, every 200 days from 1994 (further apart than one kind of event links partners): its contractor かすみ運輸 lost a parcel of its customers' data.
        const clients: number[] = [];
        const dayOf = (k: number) => new Date(Date.UTC(1994, 2, 1) + k * 200 * 86_400_000).toISOString().slice(0, 10);
        for (let k = 0; k < 60; k++) {
          const day = dayOf(k);
          const [y, m, d] = day.split('-').map(Number);
          const org = `株式会社みなもと商事${k}`;
          const text = `お客様情報の紛失について\n${org}\n${y}年${m}月${d}日、当社が配送を委託している株式会社かすみ運輸において、お客様の情報を含む書類の紛失が判明しました。`;
          clients.push((await store.ingestDocument(makeDocument(text), [makeNotice(text, makeRecord({
            header: 'お客様情報の紛失について', title: 'お客様情報の紛失について', organization: org, disclosure_date: day, occurred_date: day, incident_types: ['loss'],
          }))])).noticeIds[0]!);
        }
        await regroupIncidents(store);
        // The contractor's own notice of client 40's event.
        const day = dayOf(40);
        const [y, m, d] = day.split('-').map(Number);
        const text = `配送書類の紛失に関するお詫び\n株式会社かすみ運輸\n${y}年${m}月${d}日、当社営業所において、お取引先様からお預かりした書類の紛失が判明しました。`;
        const own = (await store.ingestDocument(makeDocument(text), [makeNotice(text, makeRecord({
          header: '配送書類の紛失に関するお詫び', title: '配送書類の紛失に関するお詫び', organization: '株式会社かすみ運輸', disclosure_date: day, occurred_date: day, incident_types: ['loss'],
        }))])).noticeIds[0]!;
        const { store: watched, read } = counting(store);
        await regroupIncidents(watched);
        const incidents = await store.listIncidents({ limit: 500 });
        const holding = incidents.find((i) => i.members.some((mem) => mem.noticeId === own))!;
        expect(holding.members.map((mem) => mem.noticeId).sort((a, b) => a - b)).toEqual([clients[40]!, own]);
        expect(incidents.filter((i) => i.members.length > 1)).toHaveLength(1);
        // Clients within 548 days either side: 5 of the 60 are writers to link again.
        expect(read()).toBeGreaterThan(2);
        expect(read()).toBeLessThan(20);
      } finally {
        await dispose();
      }
    }, 120_000);
  });
}
