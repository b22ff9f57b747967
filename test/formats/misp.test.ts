// MISP export: each incident is one event that follows the MISP format's rules (checkMispEvent: the core
// format's required fields and enumerations, uuids, dates, and attribute types and categories from
// MISP's describeTypes.json), tagged with the TLP level, RSIT incident types and the ransomware galaxy.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { loadIncidentFacts } from '../../src/app/incident-facts.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { buildMispEvents } from '../../src/app/misp.ts';
import { INCIDENT_TYPES } from '../../src/core/record.ts';
import { MISP_ATTRIBUTE_TYPES, RSIT_TAG, toMispEvent, type MispEvent } from '../../src/formats/misp.ts';
import { checkMispEvent } from '../../src/formats/misp-validate.ts';
import { fact } from '../analyze/fact-rows.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { describeWithCasebook } from '../helpers/test-loop.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/**
 * The RSIT taxonomy's predicates and values (MISP/misp-taxonomies rsit/machinetag.json, version 2):
 * every incident-type tag jikenbo writes must be one of these pairs.
 */
const RSIT: Record<string, string[]> = {
  'abusive-content': ['spam', 'harmful-speech', 'violence'],
  'malicious-code': ['infected-system', 'c2-server', 'malware-distribution', 'malware-configuration'],
  'information-gathering': ['scanner', 'sniffing', 'social-engineering'],
  'intrusion-attempts': ['ids-alert', 'brute-force', 'exploit'],
  intrusions: ['privileged-account-compromise', 'unprivileged-account-compromise', 'application-compromise', 'burglary'],
  availability: ['dos', 'ddos', 'misconfiguration', 'sabotage', 'outage'],
  'information-content-security': ['unauthorised-information-access', 'unauthorised-information-modification', 'data-loss'],
  fraud: ['unauthorized-use-of-resources', 'copyright', 'masquerade', 'phishing'],
  vulnerable: ['weak-crypto', 'ddos-amplifier', 'potentially-unwanted-accessible', 'information-disclosure', 'vulnerable-system'],
  other: ['other'],
};

const notice = (source: string, at = '2024-01-16T03:00:00Z') => ({ source, disclosureDate: null, ingestedAt: at });

describe('toMispEvent', () => {
  it('writes the event MISP expects: fields, TLP, RSIT and galaxy tags, attributes of MISP types', () => {
    const row = fact(1, { number: '2024-001', organization: 'A製作所', title: 'ランサムウェア被害について', disclosureDate: '2024-01-15',
      incidentTypes: ['ransomware', 'unauthorized_access'], attacker: 'LockBit 3.0', reviewState: 'reviewed' });
    const { Event: e } = toMispEvent({ row, notices: [notice('https://a.example.co.jp/news/1'), notice('/tmp/local.txt')],
      claims: [{ group: 'lockbit3', domain: 'a-seisakusho.co.jp' }, { group: 'somecrew', domain: null }] }, { tlp: 'amber' });
    expect(checkMispEvent({ Event: e })).toEqual([]);
    expect(e.info).toBe('#2024-001 A製作所 ランサムウェア被害について');
    expect(e.date).toBe('2024-01-15');
    expect(e.analysis).toBe('2');
    expect(e.distribution).toBe('1');
    expect(e.timestamp).toBe(String(Date.parse('2024-01-16T03:00:00Z') / 1000));
    const tags = e.Tag.map((t) => t.name);
    expect(tags).toEqual(['tlp:amber', ...RSIT_TAG.ransomware, ...RSIT_TAG.unauthorized_access, 'misp-galaxy:ransomware="LockBit"']);
    const attrs = e.Attribute.map((a) => [a.type, a.category, a.value]);
    expect(attrs).toEqual([
      ['target-org', 'Targeting data', 'A製作所'],
      ['target-location', 'Targeting data', 'Japan'],
      ['link', 'External analysis', 'https://a.example.co.jp/news/1'],
      ['text', 'Other', 'ランサムウェア被害について'],
      ['domain', 'Network activity', 'a-seisakusho.co.jp'],
      // LockBit 3.0 (the notice) and lockbit3 (the claim) are one group; an unknown crew stays as named.
      ['threat-actor', 'Attribution', 'LockBit'],
      ['threat-actor', 'Attribution', 'somecrew'],
    ]);
    expect(e.Attribute.every((a) => a.to_ids === false)).toBe(true);
  });

  it('gives the same uuids on every run, different ones for different incidents, and maps every TLP level', () => {
    const a = toMispEvent({ row: fact(1, { organization: 'X社' }), notices: [] });
    const b = toMispEvent({ row: fact(1, { organization: 'X社' }), notices: [] });
    const c = toMispEvent({ row: fact(2, { organization: 'X社' }), notices: [] });
    expect(a).toEqual(b);
    expect(c.Event.uuid).not.toBe(a.Event.uuid);
    expect(a.Event.Tag[0]).toEqual({ name: 'tlp:clear' });
    expect(a.Event.distribution).toBe('3');
    expect(toMispEvent({ row: fact(1), notices: [] }, { tlp: 'red' }).Event.distribution).toBe('0');
    expect(toMispEvent({ row: fact(1), notices: [] }, { tlp: 'green' }).Event.Tag[0]).toEqual({ name: 'tlp:green' });
    // No date anywhere: the first notice's ingest day, and still a valid event.
    const bare = toMispEvent({ row: fact(3), notices: [notice('x', '2023-05-06T10:00:00Z')] });
    expect(bare.Event.date).toBe('2023-05-06');
    expect(checkMispEvent(bare)).toEqual([]);
  });

  it('tags every incident type with a value of the RSIT taxonomy', () => {
    for (const t of INCIDENT_TYPES) {
      expect(RSIT_TAG[t].length, t).toBeGreaterThan(0);
      for (const tag of RSIT_TAG[t]) {
        const m = /^rsit:([a-z-]+)="([a-z-]+)"$/.exec(tag);
        expect(m, tag).not.toBeNull();
        expect(RSIT[m![1]!], tag).toContain(m![2]);
      }
    }
  });
});

describe('checkMispEvent', () => {
  const good = (): MispEvent => toMispEvent({ row: fact(1, { organization: 'X社', title: 't' }), notices: [notice('https://x.example/1')], claims: [{ group: 'alphv', domain: 'x.example' }] });

  it('rejects what MISP would not take', () => {
    expect(checkMispEvent(good())).toEqual([]);
    const broken = (change: (e: MispEvent['Event']) => void) => {
      const e = good();
      change(e.Event);
      return checkMispEvent(e);
    };
    expect(checkMispEvent({})).toEqual(['Event: missing']);
    expect(broken((e) => { e.uuid = 'not-a-uuid'; })).toHaveLength(1);
    expect(broken((e) => { e.date = '2024-02-30'; })).toHaveLength(1);
    expect(broken((e) => { e.info = ' '; })).toHaveLength(1);
    expect(broken((e) => { e.threat_level_id = '5'; })).toHaveLength(1);
    expect(broken((e) => { e.analysis = '3'; })).toHaveLength(1);
    expect(broken((e) => { e.distribution = '4'; })).toHaveLength(1);
    expect(broken((e) => { e.Tag.push({ name: 'tlp:"x' }); })).toHaveLength(1);
    expect(broken((e) => { e.Tag.push({ ...e.Tag[0]! }); })).toHaveLength(1);
    expect(broken((e) => { (e.Attribute[0] as { type: string }).type = 'victim-name'; })).toHaveLength(1);
    expect(broken((e) => { e.Attribute[0]!.category = 'Network activity'; })).toHaveLength(1);
    expect(broken((e) => { e.Attribute.find((a) => a.type === 'domain')!.value = 'not a domain'; })).toHaveLength(1);
    expect(broken((e) => { e.Attribute.push({ ...e.Attribute[0]!, uuid: e.Attribute[1]!.uuid }); }).length).toBeGreaterThan(0);
  });

  it('knows each type in the categories MISP lists for it (describeTypes.json)', () => {
    // Spot checks against describeTypes' category_type_mappings: a domain is network activity, never attribution.
    expect(MISP_ATTRIBUTE_TYPES.domain).toContain('Network activity');
    expect(MISP_ATTRIBUTE_TYPES.domain as readonly string[]).not.toContain('Attribution');
    expect(MISP_ATTRIBUTE_TYPES['threat-actor']).toEqual(['Attribution']);
  });
});

describeWithCasebook('MISP export of a casebook', () => {
  const dir = tempDir();
  let casebook: Casebook;

  beforeAll(async () => {
    casebook = await openCasebook(join(dir, 'misp.db'));
    const notices = readdirSync('test/fixtures/notices').filter((f) => f.endsWith('.txt')).map((f) => join('test/fixtures/notices', f));
    await ingestPaths(notices, casebook);
  }, 60_000);
  afterAll(async () => casebook.close());

  it('writes one valid event per incident', async () => {
    const facts = await loadIncidentFacts(casebook.store);
    const events = await buildMispEvents(casebook.store, facts, { tlp: 'green' });
    expect(events).toHaveLength(facts.length);
    expect(new Set(events.map((e) => e.Event.uuid)).size).toBe(facts.length);
    for (const e of events) {
      expect(checkMispEvent(e), e.Event.info).toEqual([]);
      expect(e.Event.Tag[0]).toEqual({ name: 'tlp:green' });
    }
    const typed = facts.filter((f) => f.incidentTypes.length > 0).length;
    expect(events.filter((e) => e.Event.Tag.some((t) => t.name.startsWith('rsit:'))).length).toBe(typed);
  });

  it('writes a document to stdout and a feed to a directory (CLI), the same events both ways', async () => {
    const db = join(dir, 'misp.db');
    const one = await jikenbo(['export', '--format', 'misp', '--db', db, '--tlp', 'amber']);
    expect(one.code).toBe(0);
    const events = JSON.parse(one.stdout).response as MispEvent[];
    expect(events.length).toBeGreaterThan(0);
    const feed = mkdtempSync(join(dir, 'feed-'));
    const two = await jikenbo(['export', '--format', 'misp', '--db', db, '--tlp', 'amber', '--out', feed]);
    expect(two.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(feed, 'manifest.json'), 'utf8')) as Record<string, { info: string }>;
    expect(Object.keys(manifest).sort()).toEqual(events.map((e) => e.Event.uuid).sort());
    for (const e of events) {
      expect(JSON.parse(readFileSync(join(feed, `${e.Event.uuid}.json`), 'utf8'))).toEqual(e);
      expect(manifest[e.Event.uuid]!.info).toBe(e.Event.info);
    }
    const bad = await jikenbo(['export', '--format', 'misp', '--db', db, '--tlp', 'white']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--tlp must be one of clear, green, amber, red');
  }, 60_000);
});
