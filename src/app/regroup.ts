// Incremental grouping: what changed is regrouped, found by index, never the whole casebook.
//
// The store's triggers queue every notice added, corrected or read again (stage 1) and every notice a
// person linked or unlinked (stage 3). Draining the queue:
//   1. index: a notice's blocks (its organisation, its organisation's event days, its follow-up,
//      casebook number, title, opening; link-notices.ts noticeBlocks) with its date, and the text
//      around its contractor cues are stored; its old and new blocks are queued, with the contractor
//      blocks of every notice that may name its organisation and the follow-ups of its organisation
//      dated within the window after it (stage 2);
//   2. link: each queued block is linked again alone (link-notices.ts), a follow-up against its
//      organisation's notices of the window before it, a contractor's mention against the named
//      organisation's notices of the writer's window; notices whose links changed are queued for
//      planning (stage 3);
//   3. plan: the incidents that could change are those connected to a queued notice by a link, an
//      incident or a casebook number; they alone are planned again (plan-incidents.ts) and written.
// Each step is one transaction and leaves an item queued when it changed meanwhile (its sequence
// number moved), so a crash or a concurrent writer costs only work done again.

import { NameIndex, findContractorMentions, mentionStarts, mentionWindows, mentionsAmong, windowsMayName } from '../analyze/contractor-mention.ts';
import {
  MAX_BLOCK, followWindow, followersWindow, indexedAt, isIndexOnly, isOwnBlock, linkBlock, linkKey, linkWriter, noticeBlocks, partnerWindow, prepare, settleLinks, type Prepared,
} from '../analyze/link-notices.ts';
import { MIN_MENTION_KEY } from '../analyze/org-name.ts';
import { planIncidents } from '../analyze/plan-incidents.ts';
import { isImportedDataset } from '../core/dataset.ts';
import { JikenboError } from '../core/errors.ts';
import { leaseHolder } from './lease-holder.ts';
import type {
  BlockLink, BlockWindow, ExistingIncident, GroupingItem, GroupingStage, ManualDecision, NoticeLink,
} from '../store/store.ts';
import type { Store } from '../store/ports.ts';

/**
 * Items of a drain's first step of each stage (one transaction). On SQLite a step is synchronous, so it
 * holds the event loop for as long as it runs: small enough to stay well under 100 ms with an
 * organisation of hundreds of notices. Later steps take more while steps stay short (stepChunk).
 */
const INDEX_CHUNK = 50;
const LINK_CHUNK = 20;
const PLAN_CHUNK = 50;
const ATTEMPTS = 3;

export interface GroupingProgress {
  /** 'wait': another process holds the grouping lease and drains (`holder`); this one waits for it. */
  stage: 'index' | 'link' | 'plan' | 'wait';
  holder?: string;
  /** Items done in this drain, and the items still waiting in all stages. */
  done: number;
  waiting: number;
  /** Wall time of the step just done, in ms (the longest a step held anything up). */
  stepMs: number;
  /** Items of the step just done. */
  items: number;
}

export interface RegroupOptions {
  onProgress?: (progress: GroupingProgress) => void;
  /** Called between steps; by default a turn of the event loop, so a server answers requests meanwhile. */
  pause?: () => Promise<void>;
  /**
   * The wall time a step aims at (default STEP_TARGET_MS, what a server's requests can wait behind). A
   * batch from the command line has no requests of its own to serve: its larger steps pay the
   * transaction, the queue's read and FTS5's segment flush once for many more items.
   */
  stepTargetMs?: number;
  /**
   * Drain only the stages up to this one and leave the rest queued: an ingest indexes (stage 1) the
   * notices of each batch it has stored while its readers decode the next files, and links and plans
   * once, at the end, when every block holds all its notices.
   */
  untilStage?: GroupingStage;
  /** The grouping lease: one process of a database drains at a time (defaults suit a server and the CLI). */
  lease?: { holder?: string; ttlMs?: number; pollMs?: number };
}

/** The lease (store/lease-types.ts) held by the one process that drains a database's grouping queue. */
export const GROUPING_LEASE = 'grouping';
const LEASE_MS = 30_000;
const POLL_MS = 250;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const busy = new WeakMap<Store, Promise<unknown>>();

const holders = new WeakMap<Store, string>();

/**
 * Drains the grouping queue, in the one process of the database that holds the grouping lease. One
 * drain at a time per store in a process (a second caller waits for the first and then drains what is
 * left). While another process holds the lease, waits until the queue is empty (that process drains
 * what this one queued) or the lease is let go or expires (a holder that died), and then drains.
 * Every step is safe whoever runs it (items are settled by sequence number), so the lease saves work
 * done twice, not correctness.
 */
export function drainGrouping(store: Store, options: RegroupOptions = {}): Promise<void> {
  const before = busy.get(store) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(() => drainAsHolder(store, options));
  busy.set(store, run);
  return run;
}

async function drainAsHolder(store: Store, options: RegroupOptions): Promise<void> {
  const holder = options.lease?.holder ?? holders.get(store) ?? holders.set(store, leaseHolder()).get(store)!;
  const ttl = options.lease?.ttlMs ?? LEASE_MS;
  for (;;) {
    const lease = await store.takeLease(GROUPING_LEASE, holder, ttl);
    if (lease.held) {
      try {
        // Renewed as the drain goes on; lost only when a step outlived the lease, and then the other holder goes on.
        let renewed = Date.now();
        const keep = async () => {
          if (Date.now() - renewed < ttl / 3) return true;
          renewed = Date.now();
          return (await store.takeLease(GROUPING_LEASE, holder, ttl)).held;
        };
        if (await drain(store, options, keep)) return;
      } finally {
        await store.releaseLease(GROUPING_LEASE, holder).catch(() => undefined);
      }
      continue;
    }
    const work = await store.groupingWork();
    const waiting = work[1] + work[2] + work[3];
    if (waiting === 0) return;
    options.onProgress?.({ stage: 'wait', holder: lease.holder, done: 0, waiting, stepMs: 0, items: 0 });
    await new Promise((resolve) => setTimeout(resolve, options.lease?.pollMs ?? POLL_MS));
  }
}

/** Items of the first step of each stage. */
const CHUNKS: Readonly<Record<GroupingStage, number>> = { 1: INDEX_CHUNK, 2: LINK_CHUNK, 3: PLAN_CHUNK };
/**
 * The most items a step takes: a step's memory and its transaction stay bounded whatever the machine.
 * Only a drain whose steps stay far under their target reaches these (a command-line batch, 1 s steps):
 * linking and planning a first ingest of 100,000 posts took 57 and 37 steps of about 160 ms with these,
 * 208 and 129 of about 50 ms with 400 and 800 (16.6 s against 14.5-14.9 s, BENCHMARKS.md): a larger step
 * loads a notice shared by its blocks, a name prefix shared by its writers, once. Four times these gave
 * no more and took twice the memory.
 */
const MAX_CHUNKS: Readonly<Record<GroupingStage, number>> = { 1: 800, 2: 1600, 3: 3200 };
/** The wall time a step aims at: a request waits at most about this long behind one on SQLite. */
export const STEP_TARGET_MS = 50;

/**
 * The items of a stage's next step, from the last one: twice as many after a step that took under half
 * the target, half as many after one over it. Each step pays a transaction, the queue's read and the
 * round trips of its loads whatever its size; a large drain (a first ingest, a migrated casebook) of
 * steps this small spent more on that than on grouping.
 */
export function stepChunk(stage: GroupingStage, chunk: number, taken: number, stepMs: number, targetMs = STEP_TARGET_MS): number {
  if (stepMs > targetMs) return Math.max(1, Math.ceil(chunk / 2));
  // A step short because the stage ran out of items says nothing of what a full one would cost.
  if (taken < chunk || stepMs * 2 > targetMs) return chunk;
  return Math.min(MAX_CHUNKS[stage], chunk * 2);
}
const STAGE_NAMES = { 1: 'index', 2: 'link', 3: 'plan' } as const;

/**
 * The step sizes a store's drains have reached, by the wall time they aim at: the next drain starts
 * where the last one ended. An ingest drains stage 1 after each batch of files (about 300 notices); from
 * the first chunk each time it took three steps a batch (50, 100, the rest), each a transaction whose
 * commit flushes FTS5 and writes the WAL: 263 steps and 591 commits for 20,000 posts.
 */
const learned = new WeakMap<Store, Map<number, Record<GroupingStage, number>>>();
function learnedChunks(store: Store, targetMs: number): Record<GroupingStage, number> {
  const byTarget = learned.get(store) ?? learned.set(store, new Map()).get(store)!;
  return byTarget.get(targetMs) ?? byTarget.set(targetMs, { ...CHUNKS }).get(targetMs)!;
}

/**
 * Steps until the queue is empty (true) or the lease was lost (false). Each step takes the oldest
 * items of the earliest stage that has any. The queue is counted only for progress, and then only
 * once every 20 steps: a count reads the whole queue, which a request's regrouping never needs.
 */
async function drain(store: Store, options: RegroupOptions, keep: () => Promise<boolean>): Promise<boolean> {
  const { onProgress } = options;
  let done = 0;
  let work: Record<GroupingStage, number> | null = null;
  let sinceCount = 0;
  const chunks = learnedChunks(store, options.stepTargetMs ?? STEP_TARGET_MS);
  for (;;) {
    const started = Date.now();
    const cpu = process.cpuUsage();
    const next = await store.takeGroupingItems(chunks);
    if (next === null) return true;
    const { stage, items } = next;
    if (options.untilStage !== undefined && stage > options.untilStage) return true;
    if (stage === 1) await indexNotices(store, items);
    else if (stage === 2) await linkBlocks(store, items);
    else await planAround(store, items);
    // The step's own cost: its wall time counts what other processes took meanwhile, the process's CPU
    // what its other threads (an ingest's readers) took; each is at least the step's, so the lower tells.
    const used = process.cpuUsage(cpu);
    chunks[stage] = stepChunk(stage, chunks[stage], items.length, Math.min(Date.now() - started, (used.user + used.system) / 1000), options.stepTargetMs);
    done += items.length;
    if (onProgress) {
      if (work === null || ++sinceCount >= 20) {
        work = await store.groupingWork();
        sinceCount = 0;
      } else {
        // Later stages grow as earlier ones run; the next count sets them right.
        work[stage] = Math.max(0, work[stage] - items.length);
      }
      onProgress({ stage: STAGE_NAMES[stage], done, waiting: work[1] + work[2] + work[3], stepMs: Date.now() - started, items: items.length });
    }
    await (options.pause ?? nextTurn)();
    if (!(await keep())) return false;
  }
}

const ids = (items: readonly GroupingItem[]): number[] => items.map((i) => Number(i.item));

/** Stage 1: each notice's blocks and cue windows; its old and new blocks, and who may name it or continue it, to link again. */
async function indexNotices(store: Store, items: GroupingItem[]): Promise<void> {
  const noticeIds = ids(items);
  const [notices, old] = await Promise.all([store.loadLinkable(noticeIds, true), store.indexOfNotices(noticeIds)]);
  const byId = new Map(notices.map((n) => [n.id, prepare(n)]));
  const dirty = new Set<string>();
  // The blocks of the notices' own that may give links whatever the index holds (a writer with cue
  // windows, a follow-up); the store queues these, and of the rest those that may give or have given links.
  const mayLink = new Set<string>();
  // Where each notice was and is: the follow-ups of its organisation within the window after it may now
  // continue it, and the writers of its time that name its organisation may now have it as partner.
  const followers: BlockWindow[] = [];
  const named = new Map<string, Array<string | null>>();
  const entries = noticeIds.map((id) => {
    // An imported notice (a VERIS incident) is in no block: no notice rule ever links it; a person may.
    const p = byId.get(id);
    const linkable = p !== undefined && !isImportedDataset(p.dataset);
    const blocks = linkable ? noticeBlocks(p) : [];
    const at = linkable ? indexedAt(p) : null;
    const was = old.get(id) ?? { blocks: [], at: null };
    for (const block of [...was.blocks, ...blocks]) if (!isIndexOnly(block)) dirty.add(block);
    for (const block of blocks) if (isOwnBlock(block)) mayLink.add(block);
    dirty.add(`writer:${id}`);
    const windows = linkable && p.record.kind === 'incident' ? mentionWindows(p.compact) : '';
    if (windows !== '') mayLink.add(`writer:${id}`);
    for (const [list, date] of [[was.blocks, was.at], [blocks, at]] as const) {
      const org = list.find((b) => b.startsWith('org:'))?.slice('org:'.length);
      if (org === undefined) continue;
      followers.push({ block: `marked:${org}`, ...followersWindow(date) });
      if (org.length >= MIN_MENTION_KEY) (named.get(org) ?? named.set(org, []).get(org)!).push(date);
    }
    return { id, blocks, at, windows };
  });
  const keys = [...named].map(([key, dates]) => ({ key, ...partnersWindow(dates) }));
  const [writers, following] = await Promise.all([store.writersNaming(keys), store.noticesWithin(followers)]);
  // Found by substring; kept only where one occurrence has a name's boundaries (ひかり市 in ひかり市役所 is no name).
  for (const writer of writers) {
    if (windowsMayName(writer.windows, writer.key)) mayLink.add(`writer:${writer.id}`);
  }
  for (const id of following.flat()) mayLink.add(`follow:${id}`);
  await store.saveNoticeIndex(entries, items, [...dirty].filter((b) => !mayLink.has(b)), [...mayLink]);
}

/** The writers a change of these dates may give a partner to: those within the window of any of them. */
function partnersWindow(dates: ReadonlyArray<string | null>): { from: string | null; to: string | null } {
  const known = dates.filter((d): d is string => d !== null).sort();
  if (known.length < dates.length || known.length === 0) return { from: null, to: null };
  return { from: partnerWindow(known[0]!).from, to: partnerWindow(known.at(-1)!).to };
}

/** Blocks whose rule compares pairs of whole texts: a block past MAX_BLOCK gives no links, so its head tells. */
const capped = (block: string) => block.startsWith('org:') || block.startsWith('title:') || block.startsWith('opening:') || block.startsWith('day:');
/** Blocks whose rules read a notice's text (near-duplicates, names); the others read records alone. */
const readsText = (block: string) => !block.startsWith('day:');

/** Stage 2: each block linked again alone; the notices at either end of a link that came or went, to plan again. */
async function linkBlocks(store: Store, items: GroupingItem[]): Promise<void> {
  const blocks = items.map((i) => i.item).filter((b) => !isIndexOnly(b));
  const writers = blocks.filter((b) => b.startsWith('writer:')).map((b) => Number(b.slice('writer:'.length)));
  const follows = blocks.filter((b) => b.startsWith('follow:')).map((b) => Number(b.slice('follow:'.length)));
  const shared = blocks.filter((b) => !b.startsWith('writer:') && !b.startsWith('follow:'));
  const [whole, heads] = await Promise.all([
    store.noticesInBlocks(shared.filter((b) => !capped(b))), store.noticesInBlocks(shared.filter(capped), MAX_BLOCK + 1),
  ]);
  const members = new Map([...whole, ...[...heads].map(([b, list]): [string, number[]] => [b, list.length > MAX_BLOCK ? [] : list])]);
  const withText = new Set<number>([...writers, ...follows]);
  const lean = new Set<number>();
  for (const [block, list] of members) if (list.length >= 2) list.forEach((id) => (readsText(block) ? withText : lean).add(id));
  const loaded = new Map<number, Prepared>();
  await loadInto(store, loaded, withText, lean);

  // A follow-up's block: it and its organisation's notices within the window before it.
  const followUps = follows.flatMap((id) => loaded.get(id) ?? []).filter((p) => p.org !== null && p.record.kind === 'incident');
  const windows = await store.noticesWithin(followUps.map((p) => ({ block: `org:${p.org!}`, ...followWindow(indexedAt(p)) })));
  await loadInto(store, loaded, new Set(), new Set(windows.flat()));
  const followMembers = new Map(followUps.map((p, i) => [p.id, windows[i]!.flatMap((id) => loaded.get(id) ?? [])]));

  const fresh: Array<{ block: string; links: NoticeLink[] }> = [];
  for (const block of shared) {
    const list = (members.get(block) ?? []).flatMap((id) => loaded.get(id) ?? []);
    fresh.push({ block, links: list.length >= 2 ? linkBlock(block, list) : [] });
  }
  for (const id of follows) {
    const list = followMembers.get(id) ?? [];
    fresh.push({ block: `follow:${id}`, links: list.length >= 2 ? linkBlock(`follow:${id}`, list) : [] });
  }
  const named = await writersLinks(store, writers.map((id) => loaded.get(id)));
  for (const id of writers) fresh.push({ block: `writer:${id}`, links: named.get(id) ?? [] });

  const before = new Map<string, Map<string, NoticeLink>>();
  for (const { block, link } of await store.linksOfBlocks(fresh.map((f) => f.block))) (before.get(block) ?? before.set(block, new Map()).get(block)!).set(linkKey(link), link);
  const changed = new Set<number>();
  for (const { block, links } of fresh) {
    const now = new Set(links.map(linkKey));
    const was = before.get(block) ?? new Map<string, NoticeLink>();
    for (const l of links) if (!was.has(linkKey(l))) l.notices.forEach((n) => changed.add(n));
    for (const [key, l] of was) if (!now.has(key)) l.notices.forEach((n) => changed.add(n));
  }
  await store.saveBlockLinks(fresh, items, [...changed]);
}

/** Loads the notices not yet loaded: with their text, or lean (record only) where no rule reads it. */
async function loadInto(store: Store, loaded: Map<number, Prepared>, withText: ReadonlySet<number>, lean: ReadonlySet<number>): Promise<void> {
  const texts = [...withText].filter((id) => !loaded.has(id));
  const records = [...lean].filter((id) => !loaded.has(id) && !withText.has(id));
  const [a, b] = await Promise.all([
    texts.length === 0 ? [] : store.loadLinkable(texts, true), records.length === 0 ? [] : store.loadLinkable(records, false),
  ]);
  for (const n of [...a, ...b]) loaded.set(n.id, prepare(n));
}

/**
 * The writers' contractor links: the names the store knows among their candidates, and their notices of
 * each writer's time. All the step's writers at once: three reads for the step, not three per writer.
 */
async function writersLinks(store: Store, writers: ReadonlyArray<Prepared | undefined>): Promise<Map<number, NoticeLink[]>> {
  const out = new Map<number, NoticeLink[]>();
  const naming = writers.flatMap((writer) => {
    if (!writer || writer.record.kind !== 'incident' || isImportedDataset(writer.dataset)) return [];
    const starts = mentionStarts(writer.compact);
    return starts.length === 0 ? [] : [{ writer, starts }];
  });
  if (naming.length === 0) return out;
  const keysByPrefix = await store.orgKeysByPrefix([...new Set(naming.flatMap((n) => n.starts.map((s) => s.prefix)))]);
  const mentioning = naming.flatMap(({ writer, starts }) => {
    const mentions = findContractorMentions(writer.compact, new NameIndex(mentionsAmong(writer.compact, starts, keysByPrefix)), writer.org);
    return mentions.length === 0 ? [] : [{ writer, mentions, window: partnerWindow(indexedAt(writer)) }];
  });
  const found = await store.noticesWithin(mentioning.flatMap((m) => m.mentions.map((mention) => ({ block: `org:${mention.key}`, ...m.window }))));
  const partners = new Map((await store.loadLinkable([...new Set(found.flat())], false)).map((n) => [n.id, prepare(n)]));
  let at = 0;
  for (const { writer, mentions } of mentioning) {
    const byKey = new Map(mentions.map((m) => [m.key, found[at++]!.flatMap((id) => partners.get(id) ?? [])]));
    out.set(writer.id, linkWriter(writer, mentions, byKey));
  }
  return out;
}

/** Stage 3: the incidents around the queued notices planned again, with every notice they could share an incident with. */
async function planAround(store: Store, items: GroupingItem[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const basis = await store.loadPlanBasis();
    const { closure, stored, incidents } = await neighbourhood(store, ids(items), basis.decisions);
    const notices = await store.loadLinkable(closure, false);
    const inside = new Set(closure);
    const links = settleLinks(stored.filter((l) => inside.has(l.link.notices[0]) && inside.has(l.link.notices[1])));
    const decisions = basis.decisions.filter((d) => inside.has(d.noticeId) || (d.otherNoticeId !== null && inside.has(d.otherNoticeId)));
    const plan = planIncidents({ basis: basis.basis, notices, decisions, incidents, counters: basis.counters }, links);
    try {
      await store.replaceAutoGroups({ ...plan, settled: items });
      return;
    } catch (err) {
      if (!(err instanceof JikenboError && err.code === 'conflict') || attempt >= ATTEMPTS) throw err;
    }
  }
}

/**
 * The notices whose incidents may change with these: closed under stored links, a person's links,
 * membership of one incident and one casebook number (two incidents of one number are flagged together).
 * With the links and incidents read on the way, which are every one touching the closure: each of its
 * notices was once in the frontier.
 */
async function neighbourhood(store: Store, start: number[], decisions: readonly ManualDecision[]): Promise<{ closure: number[]; stored: BlockLink[]; incidents: ExistingIncident[] }> {
  const manual = new Map<number, number[]>();
  for (const d of decisions) {
    if (d.otherNoticeId === null) continue;
    (manual.get(d.noticeId) ?? manual.set(d.noticeId, []).get(d.noticeId)!).push(d.otherNoticeId);
    (manual.get(d.otherNoticeId) ?? manual.set(d.otherNoticeId, []).get(d.otherNoticeId)!).push(d.noticeId);
  }
  const seen = new Set<number>(start);
  const stored = new Map<string, BlockLink>();
  const incidentsById = new Map<number, ExistingIncident>();
  let frontier = [...seen];
  while (frontier.length > 0) {
    const [links, incidents, blocks] = await Promise.all([
      store.linksTouching(frontier), store.incidentsOfNotices(frontier), store.indexOfNotices(frontier),
    ]);
    const numbers = [...new Set([...blocks.values()].flatMap((i) => i.blocks).filter((b) => b.startsWith('number:')))];
    const sharing = numbers.length === 0 ? new Map<string, number[]>() : await store.noticesInBlocks(numbers);
    const next: number[] = [];
    const visit = (id: number) => {
      if (!seen.has(id)) {
        seen.add(id);
        next.push(id);
      }
    };
    for (const l of links) {
      stored.set(`${l.block}\u0000${linkKey(l.link)}`, l);
      l.link.notices.forEach(visit);
    }
    for (const i of incidents) {
      incidentsById.set(i.id, i);
      i.noticeIds.forEach(visit);
    }
    for (const list of sharing.values()) list.forEach(visit);
    for (const id of frontier) (manual.get(id) ?? []).forEach(visit);
    frontier = next;
  }
  return {
    closure: [...seen].sort((a, b) => a - b),
    stored: [...stored.values()],
    incidents: [...incidentsById.values()].sort((a, b) => a.id - b.id),
  };
}
