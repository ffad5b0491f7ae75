import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { build, createTestApp, signIn, type Client, type TestContext } from '../../../test/app.js';
import { sandbox } from '../../connectors/sandbox/index.js';
import { drainJobs } from '../../platform/jobs/jobs.js';
import { nowIso } from '../../platform/ids.js';
import type { UsersTable } from '../people/people.tables.js';
import { appoint, makeAccount } from './publishing.test-kit.js';
import './publishing.jobs.js';

const SQ = 'Gjykata Themelore në Prishtinë njofton publikun se seanca mbahet nesër në ora 10.';
const SR = 'Osnovni sud u Prištini obaveštava javnost da se ročište održava sutra u 10 časova.';
const TR = "Priştine Temel Mahkemesi, duruşmanın yarın saat 10'da yapılacağını kamuoyuna duyurur.";
const TRV = { lang: 'tr', text: TR };

describeEachEngine('publishing workflow', (engine) => {
  let ctx: TestContext;
  let president: UsersTable;
  let pio: UsersTable;
  let officer: UsersTable;
  let pioC: Client;
  let presC: Client;
  let offC: Client;
  let accA: { id: string; externalId: string };
  let accB: { id: string; externalId: string };
  let accNoRight: { id: string; externalId: string };
  const drain = () => drainJobs({ db: ctx.database.db, config: ctx.config, log: ctx.app.log });
  const db = () => ctx.database.db;

  beforeAll(async () => {
    ctx = await createTestApp(engine);
    president = await build.user(ctx, { position: 'president' });
    pio = await build.user(ctx, { position: 'pio' });
    officer = await build.user(ctx, { position: 'court_officer' });
    accA = await makeAccount(db());
    accB = await makeAccount(db());
    accNoRight = await makeAccount(db());
    await appoint(db(), { issuer: president.id, people: [[pio.id, 'responsible_officer']], accounts: [accA.id, accB.id] });
    await appoint(db(), {
      issuer: president.id,
      people: [[officer.id, 'editor']],
      accounts: [accA.id],
      level: 'editor',
      kind: 'editor_grant',
    });
    [pioC, presC, offC] = [await signIn(ctx, pio), await signIn(ctx, president), await signIn(ctx, officer)];
  });
  afterAll(() => ctx.close());

  async function draft(c: Client, over: Record<string, unknown> = {}) {
    const res = await c.post('/api/posts', {
      institutionId: 'inst-bc-prishtine',
      variants: [{ lang: 'sq', text: SQ }, { lang: 'sr', text: SR }, TRV],
      accountIds: [accA.id, accB.id],
      mediaIds: [],
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as {
      id: string;
      status: string;
      targets: Array<{ id: string; accountId: string; status: string }>;
      can: Record<string, boolean>;
      findings: Array<{ severity: string; article: string }>;
    };
  }
  const countPosts = async () =>
    Number(
      (
        await db()
          .selectFrom('posts')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('drafts with the required languages, approves, publishes once on each account, archives and notifies', async () => {
    const p = await draft(offC, { accountIds: [accA.id] });
    expect(p.status).toBe('draft');
    expect((await offC.post(`/api/posts/${p.id}/submit`)).statusCode).toBe(200);
    expect((await offC.post(`/api/posts/${p.id}/submit`)).json().error.code).toBe('wrong_status');
    // The editor may approve too, but the RO does it here; the author gets told.
    const ap = await pioC.post(`/api/posts/${p.id}/approve`);
    expect(ap.statusCode, ap.body).toBe(200);
    expect(ap.json().status).toBe('approved');
    const sc = await pioC.post(`/api/posts/${p.id}/schedule`, { scheduledAt: null });
    expect(sc.json().status).toBe('scheduled');
    await drain();
    const after = (await pioC.get(`/api/posts/${p.id}`)).json();
    expect(after.status).toBe('published');
    expect(after.targets[0]).toMatchObject({ status: 'published', attempts: 1 });
    const onPlatform = await sandbox.listPosts(db(), accA.externalId);
    expect(onPlatform.filter((x) => x.idempotency_key === `courtdesk-${after.targets[0].id}`)).toHaveLength(1);
    expect(onPlatform.at(-1)!.text).toBe(`${SQ}\n\n${SR}\n\n${TR}`);
    const archive = await pioC.get(`/api/archive?institutionId=inst-bc-prishtine`);
    const entry = archive.json().items.find((e: { postId: string }) => e.postId === p.id);
    expect(entry).toMatchObject({ kind: 'published', externalId: after.targets[0].externalId, platform: 'sandbox' });
    expect(entry.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const kinds = (await offC.get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['approved', 'published']));
    const mails = await db().selectFrom('mail_outbox').select(['to_address', 'status']).where('to_address', '=', officer.email).execute();
    expect(mails.length).toBeGreaterThanOrEqual(2);
    expect(mails.every((m) => m.status === 'captured')).toBe(true);
    const audit = await db().selectFrom('audit_events').select('type').where('subject_id', '=', p.id).orderBy('seq').execute();
    expect(audit.map((a) => a.type)).toEqual([
      'post.created',
      'post.submitted',
      'post.approved',
      'post.scheduled',
      'post.publishing_started',
      'post.published',
    ]);
    // Published posts are not altered in Courtdesk.
    expect(
      (await pioC.put(`/api/posts/${p.id}`, { variants: [{ lang: 'sq', text: 'x' }], accountIds: [accA.id], mediaIds: [] })).statusCode,
    ).toBe(409);
    // Removing it from the platform keeps the record: an archive entry of kind "deleted", audited with the reason.
    const outsider = await signIn(ctx, await build.user(ctx, { position: 'court_officer' }));
    expect(
      (await outsider.post(`/api/posts/${p.id}/targets/${after.targets[0].id}/delete`, { reason: 'Wrong hearing date.' })).statusCode,
    ).toBe(403);
    const del = await pioC.post(`/api/posts/${p.id}/targets/${after.targets[0].id}/delete`, { reason: 'Wrong hearing date.' });
    expect(del.json().targets[0].status).toBe('deleted');
    expect(
      (await sandbox.listPosts(db(), accA.externalId)).find((x) => x.external_id === after.targets[0].externalId)?.deleted_at,
    ).not.toBeNull();
    const kinds2 = (await pioC.get(`/api/archive?institutionId=inst-bc-prishtine`))
      .json()
      .items.filter((e: { postId: string }) => e.postId === p.id)
      .map((e: { kind: string }) => e.kind);
    expect(kinds2.sort()).toEqual(['deleted', 'published']);
    expect((await pioC.post(`/api/posts/${p.id}/targets/${after.targets[0].id}/delete`, { reason: 'Again, twice.' })).statusCode).toBe(409);
    // The archive table itself refuses changes.
    await expect(db().updateTable('archive_entries').set({ url: 'x' }).where('post_id', '=', p.id).execute()).rejects.toThrow();
  });

  it('refuses a target account without a right from a decision, and writes nothing', async () => {
    const before = await countPosts();
    const res = await offC.post('/api/posts', {
      institutionId: 'inst-bc-prishtine',
      variants: [{ lang: 'sq', text: SQ }, { lang: 'sr', text: SR }, TRV],
      accountIds: [accB.id],
      mediaIds: [],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('no_publish_right');
    const res2 = await pioC.post('/api/posts', {
      institutionId: 'inst-bc-prishtine',
      variants: [{ lang: 'sq', text: SQ }],
      accountIds: [accNoRight.id],
      mediaIds: [],
    });
    expect(res2.statusCode).toBe(403);
    expect(await countPosts()).toBe(before);
  });

  it('refuses to leave draft without a required language, and changes nothing', async () => {
    const p = await draft(pioC, { variants: [{ lang: 'sq', text: SQ }, { lang: 'sr', text: '' }, TRV] });
    const res = await pioC.post(`/api/posts/${p.id}/submit`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('sr');
    expect((await pioC.post(`/api/posts/${p.id}/approve`)).statusCode).toBe(422);
    expect((await db().selectFrom('posts').select('status').where('id', '=', p.id).executeTakeFirstOrThrow()).status).toBe('draft');
  });

  it('refuses scheduling in the past', async () => {
    const p = await draft(pioC);
    await pioC.post(`/api/posts/${p.id}/approve`);
    const res = await pioC.post(`/api/posts/${p.id}/schedule`, { scheduledAt: new Date(Date.now() - 3600_000).toISOString() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/past/);
    expect((await db().selectFrom('jobs').select('id').where('dedupe_key', '=', `publish:${p.targets[0]!.id}`).execute()).length).toBe(0);
  });

  it('a block finding stops the post until the president records an override; the overrider cannot approve', async () => {
    const p = await draft(pioC, { variants: [{ lang: 'sq', text: 'Votoni PDK-në! Mbështesni partinë.' }, { lang: 'sr', text: SR }, TRV] });
    expect(p.findings.some((f) => f.severity === 'block' && f.article === '4.4a')).toBe(true);
    expect((await pioC.post(`/api/posts/${p.id}/submit`)).json().error.code).toBe('blocking_findings');
    expect((await pioC.post(`/api/posts/${p.id}/override`, { reason: 'Quoting a party in a neutral notice.' })).statusCode).toBe(403);
    expect((await presC.post(`/api/posts/${p.id}/override`, { reason: 'x' })).statusCode).toBe(400);
    const ov = await presC.post(`/api/posts/${p.id}/override`, { reason: 'Quoting a party in a neutral notice.' });
    expect(ov.statusCode, ov.body).toBe(200);
    expect(ov.json().override.reason).toBe('Quoting a party in a neutral notice.');
    expect((await presC.post(`/api/posts/${p.id}/approve`)).json().error.code).toBe('own_override');
    expect((await pioC.post(`/api/posts/${p.id}/approve`)).statusCode).toBe(200);
    const ev = await db()
      .selectFrom('audit_events')
      .select(['type', 'reason', 'actor_id'])
      .where('subject_id', '=', p.id)
      .where('type', '=', 'post.override_recorded')
      .executeTakeFirstOrThrow();
    expect(ev).toMatchObject({ reason: 'Quoting a party in a neutral notice.', actor_id: president.id });
  });

  it('the president cannot override findings on their own post', async () => {
    const p = await draft(presC, { variants: [{ lang: 'sq', text: 'Votoni PDK-në!' }, { lang: 'sr', text: SR }, TRV] });
    expect((await presC.post(`/api/posts/${p.id}/override`, { reason: 'My own post, my own override.' })).json().error.code).toBe(
      'own_post',
    );
  });

  it('a comment on a decision needs the president’s prior permission (art. 4.4c)', async () => {
    const p = await draft(pioC, { commentsOnDecision: true });
    expect((await pioC.post(`/api/posts/${p.id}/approve`)).json().error.code).toBe('decision_permission_missing');
    expect((await pioC.post(`/api/posts/${p.id}/decision-permission`, { reason: 'Explaining the judgment as allowed.' })).statusCode).toBe(
      403,
    );
    expect((await presC.post(`/api/posts/${p.id}/decision-permission`, { reason: 'Explaining the judgment as allowed.' })).statusCode).toBe(
      200,
    );
    expect((await pioC.post(`/api/posts/${p.id}/approve`)).statusCode).toBe(200);
  });

  it('an edit after approval sends the post back to draft and clears the approval', async () => {
    const p = await draft(pioC);
    await pioC.post(`/api/posts/${p.id}/approve`);
    await pioC.post(`/api/posts/${p.id}/schedule`, { scheduledAt: new Date(Date.now() + 3600_000).toISOString() });
    const res = await pioC.put(`/api/posts/${p.id}`, {
      variants: [{ lang: 'sq', text: SQ + ' Ndryshuar.' }, { lang: 'sr', text: SR }, TRV],
      accountIds: [accA.id, accB.id],
      mediaIds: [],
    });
    expect(res.json()).toMatchObject({ status: 'draft', approvedBy: null, scheduledAt: null, version: 2 });
    const jobs = await db()
      .selectFrom('jobs')
      .select('status')
      .where(
        'dedupe_key',
        'in',
        p.targets.map((t) => `publish:${t.id}`),
      )
      .execute();
    expect(jobs.every((j) => j.status === 'cancelled')).toBe(true);
  });

  describe('faults on the platform', () => {
    async function scheduled(acc = accA) {
      const p = await draft(pioC, { accountIds: [acc.id] });
      await pioC.post(`/api/posts/${p.id}/approve`);
      await pioC.post(`/api/posts/${p.id}/schedule`, { scheduledAt: null });
      return p;
    }
    const jobOf = (targetId: string) =>
      db().selectFrom('jobs').selectAll().where('dedupe_key', '=', `publish:${targetId}`).executeTakeFirstOrThrow();
    const makeDue = (targetId: string) =>
      db().updateTable('jobs').set({ run_at: nowIso() }).where('dedupe_key', '=', `publish:${targetId}`).execute();

    it('backs off on 429 honouring retry-after, then publishes once', async () => {
      const acc = await makeAccount(db());
      await appoint(db(), { issuer: president.id, people: [[pio.id, 'responsible_officer']], accounts: [acc.id] });
      await sandbox.injectFault(db(), acc.externalId, { kind: 'rate_limited', retryAfterMs: 120_000, op: 'publish' });
      const p = await scheduled(acc);
      await drain();
      const t = (await pioC.get(`/api/posts/${p.id}`)).json().targets[0];
      expect(t).toMatchObject({ status: 'publishing', errorMessage: expect.stringContaining('try again') });
      const job = await jobOf(t.id);
      expect(job.status).toBe('queued');
      expect(Date.parse(job.run_at) - Date.now()).toBeGreaterThan(110_000);
      await makeDue(t.id);
      await drain();
      expect((await pioC.get(`/api/posts/${p.id}`)).json().status).toBe('published');
      expect(await sandbox.listPosts(db(), acc.externalId)).toHaveLength(1);
    });

    it('after a timeout that may have written, asks the platform first and never posts twice', async () => {
      const acc = await makeAccount(db());
      await appoint(db(), { issuer: president.id, people: [[pio.id, 'responsible_officer']], accounts: [acc.id] });
      await sandbox.injectFault(db(), acc.externalId, { kind: 'timeout_after_write', op: 'publish' });
      const p = await scheduled(acc);
      await drain();
      const t = (await pioC.get(`/api/posts/${p.id}`)).json().targets[0];
      expect(t.status).toBe('publishing');
      await makeDue(t.id);
      await drain();
      const after = (await pioC.get(`/api/posts/${p.id}`)).json();
      expect(after.targets[0]).toMatchObject({ status: 'published', attempts: 2 });
      expect(await sandbox.listPosts(db(), acc.externalId)).toHaveLength(1);
    });

    it('shows a permanent failure in plain words with the platform’s message; retry publishes', async () => {
      const acc = await makeAccount(db());
      await appoint(db(), { issuer: president.id, people: [[pio.id, 'responsible_officer']], accounts: [acc.id] });
      await sandbox.injectFault(db(), acc.externalId, {
        kind: 'permanent',
        message: '(#200) Page Publishing Authorization required',
        op: 'publish',
      });
      const p = await scheduled(acc);
      await drain();
      const failed = (await pioC.get(`/api/posts/${p.id}`)).json();
      expect(failed.status).toBe('failed');
      expect(failed.targets[0]).toMatchObject({
        status: 'failed',
        platformMessage: '(#200) Page Publishing Authorization required',
        errorMessage: expect.stringContaining('Retry'),
      });
      expect(failed.can.retry).toBe(true);
      expect((await offC.post(`/api/posts/${p.id}/targets/${failed.targets[0].id}/retry`)).statusCode).toBe(403);
      const r = await pioC.post(`/api/posts/${p.id}/targets/${failed.targets[0].id}/retry`);
      expect(r.statusCode, r.body).toBe(200);
      await drain();
      expect((await pioC.get(`/api/posts/${p.id}`)).json().status).toBe('published');
      expect(await sandbox.listPosts(db(), acc.externalId)).toHaveLength(1);
      expect(
        (await pioC.get('/api/notifications'))
          .json()
          .items.some((n: { kind: string; postId: string }) => n.kind === 'failed' && n.postId === p.id),
      ).toBe(true);
    });

    it('refuses to publish when the approver’s decision has ended before the post goes out; a holder retries', async () => {
      const ro = await build.user(ctx, { position: 'pio' });
      const roC = await signIn(ctx, ro);
      const acc = await makeAccount(db());
      const decision = await appoint(db(), { issuer: president.id, people: [[ro.id, 'responsible_officer']], accounts: [acc.id] });
      const created = await roC.post('/api/posts', {
        institutionId: 'inst-bc-prishtine',
        variants: [{ lang: 'sq', text: SQ }, { lang: 'sr', text: SR }, TRV],
        accountIds: [acc.id],
        mediaIds: [],
      });
      const id = created.json().id as string;
      await roC.post(`/api/posts/${id}/approve`);
      await roC.post(`/api/posts/${id}/schedule`, { scheduledAt: null });
      await db()
        .insertInto('decision_endings')
        .values({
          id: `end-${id}`,
          decision_id: decision,
          user_id: null,
          at: nowIso(),
          cause: 'revoked',
          by_decision_id: null,
          actor_id: president.id,
          reason: 'Reassigned',
          created_at: nowIso(),
        })
        .execute();
      await drain();
      const failed = (await presC.get(`/api/posts/${id}`)).json();
      expect(failed.targets[0]).toMatchObject({ status: 'failed', errorCode: 'approval_lapsed' });
      expect(await sandbox.listPosts(db(), acc.externalId)).toHaveLength(0);
      expect((await roC.post(`/api/posts/${id}/targets/${failed.targets[0].id}/retry`)).statusCode).toBe(403);
      expect((await presC.post(`/api/posts/${id}/targets/${failed.targets[0].id}/retry`)).statusCode).toBe(200);
      await drain();
      expect((await presC.get(`/api/posts/${id}`)).json()).toMatchObject({ status: 'published', approvedBy: { id: president.id } });
    });

    it('pauses all publishing (KJC leadership, audited) and resumes', async () => {
      const chair = await build.user(ctx, { position: 'kjc_chair', institution: 'kjc' });
      const chairC = await signIn(ctx, chair);
      expect((await pioC.put('/api/publishing/state', { paused: true, reason: 'Election silence period.' })).statusCode).toBe(403);
      expect((await chairC.put('/api/publishing/state', { paused: true, reason: 'Election silence period.' })).json().paused).toBe(true);
      const p = await scheduled();
      expect(await drain()).toBe(0);
      expect((await pioC.get(`/api/posts/${p.id}`)).json().status).toBe('scheduled');
      await chairC.put('/api/publishing/state', { paused: false, reason: 'Silence period over.' });
      await drain();
      expect((await pioC.get(`/api/posts/${p.id}`)).json().status).toBe('published');
      const types = (await db().selectFrom('audit_events').select('type').where('subject_type', '=', 'publishing').execute()).map(
        (e) => e.type,
      );
      expect(types).toEqual(expect.arrayContaining(['publishing.paused', 'publishing.resumed']));
    });
  });
});
