// `jikenbo publish --out DIR`: the casebook as a static site that needs no server, of the incidents a
// person marked publishable (core/publication.ts) and nothing else. This use case chooses the incidents,
// reads what their pages show (records, notices, originals, duty, the dashboard's figures over them),
// and writes the files a renderer makes of it: the page HTML lives with the other pages
// (server/pages/site/), which the CLI hands in, as app/ may not import a later layer.
//
// The site is written whole or not at all: into a fresh folder beside DIR, then renamed into place. A
// DIR already there is replaced only when an earlier publish made it (it holds SITE_MARKER), so a
// mistyped --out never wipes a folder of someone's files.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { dutyCounts } from '../analyze/duty-mark.ts';
import { assessDuty, summarizeDuty, type DutyAssessment, type DutyNotice } from '../analyze/reporting-duty.ts';
import { dashboardFiguresOf, type DashboardFigures } from '../analyze/stats/dashboard-figures.ts';
import { JikenboError } from '../core/errors.ts';
import type { IncidentFacts } from '../core/flat-incident.ts';
import { publicationState, type PublicationMark, type PublicationState } from '../core/publication.ts';
import { publicIncidentId } from '../core/public-id.ts';
import type { Locale } from '../i18n/messages.ts';
import type { Archive, Store } from '../store/ports.ts';
import type { StoredFetch } from '../store/source-types.ts';
import type { NoticeDetail, StoredDocument } from '../store/store.ts';
import { factsOf } from './incident-facts.ts';
import { getMergedIncident, type MergedIncident } from './incidents.ts';
import { drainGrouping } from './regroup.ts';

/** The file every published site holds at its root: what lets a later publish replace the folder. */
export const SITE_MARKER = '.jikenbo-site';

export interface PublishedIncident {
  /** Its public identifier (2024-504, J2024-0078): its page is incidents/<id>.html. */
  publicId: string;
  incident: MergedIncident;
  facts: IncidentFacts;
  notices: NoticeDetail[];
  duty: DutyAssessment;
  /** Each document's fetches: where its notices came from. */
  fetches: ReadonlyMap<number, readonly StoredFetch[]>;
  /** Each document's original, as a path from the site's root (originals/<sha256>.<ext>). */
  originals: ReadonlyMap<number, string>;
  mark: PublicationMark;
}

export interface SiteModel {
  /** Published incidents in numbered order: by year, casebook numbers before jikenbo's own, then by number. */
  incidents: PublishedIncident[];
  /** The dashboard's figures over the published incidents only. */
  figures: DashboardFigures;
  /** When the site was made (ISO). */
  generatedAt: string;
  /** The casebook's time zone, for times shown. */
  timeZone: string;
}

export interface SiteFile {
  /** Path from the site's root, '/'-separated, never '..'. */
  path: string;
  content: string | Uint8Array;
}

/** Makes the site's pages from the model, one file at a time (a large casebook is never all in memory). */
export interface SiteRenderer {
  /** How many files languagePages and rootPages make, for the progress bar. */
  fileCount(model: SiteModel, locales: readonly Locale[]): number;
  /** Files of one language, under `<locale>/`. */
  languagePages(model: SiteModel, locale: Locale, locales: readonly Locale[]): AsyncIterable<SiteFile>;
  /** Files at the root: the choice of language, the stylesheet. */
  rootPages(model: SiteModel, locales: readonly Locale[]): AsyncIterable<SiteFile>;
}

export interface PublishOptions {
  out: string;
  locales: readonly Locale[];
  renderer: SiteRenderer;
  timeZone: string;
  now?: () => Date;
  /** Called as incidents are read (phase 'read') and files written (phase 'write'). */
  onProgress?: (phase: 'read' | 'write', done: number, total: number) => void;
}

/** An incident marked publishable that is left out: its notices changed since (core/publication.ts). */
export interface HeldBack {
  publicId: string;
  state: Extract<PublicationState, 'changed'>;
}

export interface PublishReport {
  out: string;
  incidents: number;
  files: number;
  originals: number;
  /** Incidents marked publishable that were left out because their notices changed since. */
  heldBack: HeldBack[];
}

/** The extension an original is copied with: a PDF stays a PDF, everything else is shown as plain text (an HTML original is never rendered: it could load what it likes). */
export function originalExtension(mediaType: string): string {
  return mediaType === 'application/pdf' ? '.pdf' : '.txt';
}

export const originalPath = (doc: Pick<StoredDocument, 'sha256' | 'mediaType'>): string => `originals/${doc.sha256}${originalExtension(doc.mediaType)}`;

/** Orders incidents as the casebook numbers them: year, header numbers (2024-504) before jikenbo's own (J2024-0078), number; others last by id. */
export function numberedOrder(a: { publicId: string; id: number }, b: { publicId: string; id: number }): number {
  const key = (p: string): [number, number, number] => {
    const m = /^(J?)(\d{4})-(\d+)$/.exec(p);
    return m ? [Number(m[2]), m[1] ? 1 : 0, Number(m[3])] : [Number.MAX_SAFE_INTEGER, 2, 0];
  };
  const x = key(a.publicId);
  const y = key(b.publicId);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.id - b.id;
}

/** Reads what the site shows: the published incidents, each with its notices, originals and duty, and the figures over them. */
export async function loadSiteModel(store: Store, options: Pick<PublishOptions, 'timeZone' | 'now' | 'onProgress'>): Promise<{ model: SiteModel; heldBack: HeldBack[] }> {
  await drainGrouping(store);
  const marks = await store.currentPublicationMarks();
  const incidents: PublishedIncident[] = [];
  const heldBack: HeldBack[] = [];
  const dutyNotices = new Map<number, DutyNotice[]>();
  let done = 0;
  for (const [incidentId, mark] of marks) {
    options.onProgress?.('read', done++, marks.size);
    if (!mark.publishable) continue;
    const incident = await getMergedIncident(store, incidentId);
    // An incident a merge retired: its notices are another incident's now, which needs a mark of its own.
    if (!incident) {
      const survivor = await store.incidentReplacing(incidentId);
      const into = survivor === null ? null : await store.getIncident(survivor);
      heldBack.push({ publicId: into ? `${publicIncidentId(into)} (merged)` : String(incidentId), state: 'changed' });
      continue;
    }
    const publicId = publicIncidentId(incident);
    const state = publicationState(mark, incident.members.map((m) => m.noticeId));
    if (state !== 'published') {
      heldBack.push({ publicId, state: 'changed' });
      continue;
    }
    const notices = (await Promise.all(incident.members.map((m) => store.getNotice(m.noticeId)))).filter((n): n is NoticeDetail => n !== null);
    const facts = factsOf(incident, new Map(notices.map((n) => [n.id, n.corrections])));
    const forDuty = notices.map((n) => ({ id: n.id, text: n.text, record: n.record, mediaType: n.document.mediaType }));
    dutyNotices.set(incident.id, forDuty);
    const documents = [...new Map(notices.map((n) => [n.document.id, n.document])).values()];
    incidents.push({
      publicId, incident, facts, notices, mark,
      duty: assessDuty(facts, forDuty),
      fetches: new Map(await Promise.all(documents.map(async (d) => [d.id, await store.listFetches(d.id)] as const))),
      originals: new Map(documents.map((d) => [d.id, originalPath(d)])),
    });
  }
  options.onProgress?.('read', marks.size, marks.size);
  incidents.sort((a, b) => numberedOrder({ publicId: a.publicId, id: a.incident.id }, { publicId: b.publicId, id: b.incident.id }));
  const rows = incidents.map((i) => i.facts);
  const figures = dashboardFiguresOf(rows, dutyCounts(summarizeDuty(rows, (row) => dutyNotices.get(row.id) ?? [])));
  const generatedAt = (options.now?.() ?? new Date()).toISOString();
  return { model: { incidents, figures, generatedAt, timeZone: options.timeZone }, heldBack };
}

/** A site path as a file path under `root`, refusing anything that would leave it. */
function fileUnder(root: string, path: string): string {
  if (path === '' || path.startsWith('/') || path.split('/').some((p) => p === '..' || p === '.' || p === '')) {
    throw new JikenboError('internal', `site file outside the site: ${path.slice(0, 80)}`);
  }
  const full = resolve(root, ...path.split('/'));
  if (!full.startsWith(root + sep)) throw new JikenboError('internal', `site file outside the site: ${path.slice(0, 80)}`);
  return full;
}

/** Checks --out: a folder this command made before, an empty folder, or a path that does not exist yet (its parent must). */
async function checkOut(out: string): Promise<'new' | 'replace'> {
  const parent = dirname(out);
  if (!existsSync(parent)) throw new JikenboError('bad_input', `--out: the folder ${parent} does not exist`, { subject: 'out' });
  const st = await stat(out).catch(() => null);
  if (st === null) return 'new';
  if (!st.isDirectory()) throw new JikenboError('bad_input', `--out: ${out} is a file, not a folder`, { subject: 'out' });
  const entries = await readdir(out);
  if (entries.length === 0 || entries.includes(SITE_MARKER)) return 'replace';
  throw new JikenboError('bad_input', `--out: ${out} holds files that no publish made (no ${SITE_MARKER}); give a new or empty folder`, { subject: 'out' });
}

/**
 * Builds the site of the published incidents into a folder beside `out`, then renames it into place (the
 * old site, if any, moved aside first and removed after): a failure at any step leaves `out` as it was.
 */
export async function publishSite(store: Store, archive: Archive, options: PublishOptions): Promise<PublishReport> {
  if (options.locales.length === 0) throw new JikenboError('bad_input', '--lang: give ja, en or both', { subject: 'lang' });
  const out = resolve(options.out);
  const mode = await checkOut(out);
  const { model, heldBack } = await loadSiteModel(store, options);

  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = join(dirname(out), `.${basename(out)}.publish-${tag}`);
  await mkdir(temp);
  try {
    const written = new Set<string>();
    const put = async (file: SiteFile) => {
      if (written.has(file.path)) throw new JikenboError('internal', `two site files at ${file.path}`);
      written.add(file.path);
      const full = fileUnder(temp, file.path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, file.content, { flag: 'wx' });
    };
    const documents = new Map<string, StoredDocument>();
    for (const i of model.incidents) for (const n of i.notices) documents.set(originalPath(n.document), n.document);
    const total = options.renderer.fileCount(model, options.locales) + documents.size + 1;
    let done = 0;
    const step = () => options.onProgress?.('write', ++done, total);
    for (const source of [options.renderer.rootPages(model, options.locales), ...options.locales.map((l) => options.renderer.languagePages(model, l, options.locales))]) {
      for await (const file of source) {
        await put(file);
        step();
      }
    }
    for (const [path, doc] of documents) {
      const bytes = await archive.get(doc.sha256);
      if (!bytes) throw new JikenboError('not_found', `the original of document ${doc.id} (${doc.sha256}) is missing from the archive; run jikenbo check`, { subject: doc.sha256 });
      await put({ path, content: bytes });
      step();
    }
    await put({ path: SITE_MARKER, content: `jikenbo publish ${model.generatedAt}\n` });
    step();

    if (mode === 'replace') {
      const old = join(dirname(out), `.${basename(out)}.old-${tag}`);
      await rename(out, old);
      try {
        await rename(temp, out);
      } catch (err) {
        await rename(old, out);
        throw err;
      }
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(temp, out);
    }
    return { out, incidents: model.incidents.length, files: written.size, originals: documents.size, heldBack };
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}
