// The incident page's publication mark over HTTP: what each reader sees, an editor's button posted as
// the review forms are (session, CSRF), the mark kept under the signed-in name, and a viewer refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { publicIncidentId } from '../../src/core/public-id.ts';
import { createApp } from '../../src/server/app.ts';
import { USB_NOTICE } from '../helpers/notices.ts';
import { signIn, type Client } from '../helpers/sign-in.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe.each(CASEBOOK_ENGINES)('publication mark on the incident page on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  let editor: Client;
  let viewer: Client;
  let path = '';
  let incidentId = 0;

  beforeAll(async () => {
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    casebook = await engine.open(dir, 'publication');
    await ingestPaths([dir], casebook);
    app = createApp(casebook);
    incidentId = (await casebook.store.incidentOfNotice((await casebook.store.search('遺失届'))[0]!.id))!;
    path = `/incidents/${publicIncidentId((await casebook.store.getIncident(incidentId))!)}`;
    editor = await signIn(app, casebook.store, '佐藤', 'editor');
    viewer = await signIn(app, casebook.store, 'yamada', 'viewer');
  }, 60_000);
  afterAll(async () => casebook.close());

  const stateOf = (page: string) => /class="publication-state" data-state="([a-z]+)"/.exec(page)?.[1];

  it('shows an editor the button, marks the incident under the signed-in name, and withdraws it', async () => {
    const before = await (await editor.get(path)).text();
    expect(stateOf(before)).toBe('unmarked');
    expect(before).toContain(`<form method="post" action="${path}/publish" class="publish">`);
    expect(before).toContain('value="mark"');

    const marked = await editor.post(`${path}/publish`, { action: 'mark' });
    expect(marked.status).toBe(303);
    expect(marked.headers.get('location')).toBe(`${path}#publication`);
    const after = await (await editor.get(path)).text();
    expect(stateOf(after)).toBe('published');
    expect(after).toContain('value="unmark"');
    expect(after).toContain('佐藤');
    expect((await casebook.store.listPublicationMarks(incidentId)).map((m) => [m.publishable, m.by])).toEqual([[true, '佐藤']]);

    await editor.post(`${path}/publish`, { action: 'unmark', reason: '確認中' });
    const withdrawn = await (await editor.get(`${path}?lang=en`)).text();
    expect(stateOf(withdrawn)).toBe('withdrawn');
    expect(withdrawn).toContain('Withdrawn from publication by 佐藤');
    expect(withdrawn).toContain('確認中');
  });

  it('shows a viewer the state without the button, and refuses the viewer\'s post and a bad action', async () => {
    const page = await (await viewer.get(path)).text();
    expect(stateOf(page)).toMatch(/^(unmarked|published|withdrawn)$/);
    expect(page).not.toContain(`action="${path}/publish"`);
    const marks = (await casebook.store.listPublicationMarks(incidentId)).length;
    expect((await viewer.post(`${path}/publish`, { action: 'mark' })).status).toBe(403);
    expect((await editor.post(`${path}/publish`, { action: 'publish-everything' })).status).toBe(400);
    expect((await editor.post('/incidents/J2099-0999/publish', { action: 'mark' })).status).toBe(404);
    expect(await casebook.store.listPublicationMarks(incidentId)).toHaveLength(marks);
  });
});
