import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { build, createTestApp, signIn, type TestContext } from '../../../test/app.js';
import { sha256 } from '../../platform/ids.js';
import { appointVia, authorityCounts, buildCourt, daysFromToday, decisionNo, pdfUpload, today } from './authority.testing.js';
import { rightsOnAccount } from './rights.js';

describeEachEngine('decisions and editor requests (routes)', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());

  const db = () => ctx.database.db;

  const court = () => buildCourt(ctx);
  const appoint = appointVia;

  describe('issuing', () => {
    it('lets a president appoint a Responsible Officer and two substitutes, with the signed act kept by its SHA-256', async () => {
      const { pio, sub1, sub2, account, pc } = await court();
      const upload = pdfUpload('ro.pdf');
      const ro = await appoint(pc, {
        people: [pio.id],
        accounts: [account.id],
        extra: { attachment: upload, summary: 'Appointment of the RO' },
      });
      expect(ro.statusCode).toBe(200);
      expect(ro.json()).toMatchObject({
        kind: 'ro_appointment',
        level: 'admin',
        state: 'in_force',
        people: [{ id: pio.id, role: 'responsible_officer' }],
        file: { sha256: sha256(Buffer.from(upload.contentBase64, 'base64')), fileName: 'ro.pdf' },
      });
      const subs = await appoint(pc, { kind: 'substitute_appointment', people: [sub1.id, sub2.id], accounts: [account.id] });
      expect(subs.statusCode).toBe(200);

      expect((await rightsOnAccount(db(), pio.id, account.id)).level).toBe('admin');
      expect((await rightsOnAccount(db(), sub2.id, account.id)).manageAccess).toBe(true);

      const file = await pc.get(`/api/decisions/${ro.json().id}/file`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(sha256(file.rawPayload)).toBe(ro.json().file.sha256);

      const detail = await pc.get(`/api/decisions/${ro.json().id}`);
      expect(detail.json().history.map((h: { type: string }) => h.type)).toEqual(['decision.issued', 'access.granted']);
      expect(detail.json().can).toEqual({ revoke: true, supersede: true });
    });

    it('refuses a decision from someone who is not leadership of the institution (art. 3.1), writing nothing', async () => {
      const { pio, account } = await court();
      const pioClient = await signIn(ctx, pio);
      const admin = await build.user(ctx, { position: 'sysadmin', institution: 'kjc' });
      const ac = await signIn(ctx, admin);
      const otherPresident = await build.user(ctx, { position: 'president', institution: 'bc-prizren' });
      const before = await authorityCounts(ctx);
      const res = await appoint(pioClient, { people: [pio.id], accounts: [account.id] });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toContain('art. 3.1');

      const byAdmin = await appoint(ac, { people: [pio.id], accounts: [account.id], extra: { issuedById: pio.id } });
      expect(byAdmin.statusCode).toBe(422);
      expect(byAdmin.json().error).toMatchObject({ code: 'issuer_not_leadership', details: { article: '3.1' } });
      const byOther = await appoint(ac, { people: [pio.id], accounts: [account.id], extra: { issuedById: otherPresident.id } });
      expect(byOther.statusCode).toBe(422);
      expect(await authorityCounts(ctx)).toEqual(before);
    });

    it('refuses admin for a court officer by grant (5.6a) and an editor grant without recommendation and consent (5.6b)', async () => {
      const { officer, account, pc } = await court();
      const before = await authorityCounts(ctx);
      const admin = await appoint(pc, { kind: 'editor_grant', people: [officer.id], accounts: [account.id], extra: { level: 'admin' } });
      expect(admin.statusCode).toBe(422);
      expect(admin.json().error).toMatchObject({ code: 'admin_only_for_ro', details: { article: '5.6a' } });
      const editor = await appoint(pc, { kind: 'editor_grant', people: [officer.id], accounts: [account.id], extra: { level: 'editor' } });
      expect(editor.statusCode).toBe(422);
      expect(editor.json().error).toMatchObject({ code: 'editor_needs_recommendation', details: { article: '5.6b' } });
      expect(editor.json().error.message).toContain('art. 5.6b');
      expect(await authorityCounts(ctx)).toEqual(before);
    });

    it('refuses a single substitute (3.2), an overlapping appointment (5.5) and a back-dated grant (3.4)', async () => {
      const { pio, sub1, account, pc } = await court();
      expect((await appoint(pc, { people: [pio.id], accounts: [account.id] })).statusCode).toBe(200);
      const before = await authorityCounts(ctx);
      const one = await appoint(pc, { kind: 'substitute_appointment', people: [sub1.id], accounts: [account.id] });
      expect(one.json().error).toMatchObject({ code: 'two_substitutes', details: { article: '3.2' } });
      const overlap = await appoint(pc, {
        people: [pio.id],
        accounts: [account.id],
        extra: { level: 'editor', effectFrom: daysFromToday(10) },
      });
      expect(overlap.statusCode).toBe(422);
      expect(overlap.json().error).toMatchObject({ code: 'overlapping_decision', details: { article: '5.5' } });
      const back = await appoint(pc, { people: [sub1.id], accounts: [account.id], extra: { effectFrom: daysFromToday(-30) } });
      expect(back.json().error).toMatchObject({ code: 'back_dated', details: { article: '3.4' } });
      const future = await appoint(pc, { people: [sub1.id], accounts: [account.id], extra: { decidedOn: daysFromToday(2) } });
      expect(future.statusCode).toBe(400);
      expect(await authorityCounts(ctx)).toEqual(before);
    });

    it('supersedes a decision instead of contradicting it; the old one stays readable', async () => {
      const { pio, account, pc } = await court();
      const first = (await appoint(pc, { people: [pio.id], accounts: [account.id] })).json();
      const second = await appoint(pc, {
        people: [pio.id],
        accounts: [account.id],
        extra: { level: 'editor', supersedesDecisionId: first.id },
      });
      expect(second.statusCode).toBe(200);
      expect((await rightsOnAccount(db(), pio.id, account.id)).level).toBe('editor');
      const old = (await pc.get(`/api/decisions/${first.id}`)).json();
      expect(old.state).toBe('superseded');
      expect(old.followedBy).toEqual([{ id: second.json().id, number: second.json().number, kind: 'ro_appointment' }]);
    });

    it('refuses an attachment that is not a PDF or is over 10 MB, writing nothing', async () => {
      const { pio, account, pc } = await court();
      const before = await authorityCounts(ctx);
      const png = { fileName: 'act.pdf', contentBase64: Buffer.from('\x89PNG\r\n\x1a\nxxxx', 'latin1').toString('base64') };
      const notPdf = await appoint(pc, { people: [pio.id], accounts: [account.id], extra: { attachment: png } });
      expect(notPdf.statusCode).toBe(400);
      expect(notPdf.json().error.message).toContain('must be a PDF');
      const big = Buffer.alloc(10 * 1024 * 1024 + 10, 0x20);
      big.write('%PDF-1.4', 0, 'latin1');
      const huge = await appoint(pc, {
        people: [pio.id],
        accounts: [account.id],
        extra: { attachment: { fileName: 'big.pdf', contentBase64: big.toString('base64') } },
      });
      expect([400, 413]).toContain(huge.statusCode);
      expect(huge.json().error.message).toMatch(/10 MB|too large/);
      expect(await authorityCounts(ctx)).toEqual(before);
    });

    it('revokes a decision from today on; a back-dated revocation is refused', async () => {
      const { pio, account, pc } = await court();
      const ro = (await appoint(pc, { people: [pio.id], accounts: [account.id] })).json();
      const back = await pc.post('/api/decisions', {
        institutionId: 'inst-bc-prishtine',
        number: decisionNo('R'),
        decidedOn: today(),
        kind: 'revocation',
        targetDecisionId: ro.id,
        effectFrom: daysFromToday(-3),
      });
      expect(back.json().error).toMatchObject({ code: 'back_dated', details: { article: '3.1' } });
      const rev = await pc.post('/api/decisions', {
        institutionId: 'inst-bc-prishtine',
        number: decisionNo('R'),
        decidedOn: today(),
        kind: 'revocation',
        targetDecisionId: ro.id,
        summary: 'Reassigned',
      });
      expect(rev.statusCode).toBe(200);
      expect((await rightsOnAccount(db(), pio.id, account.id)).level).toBeNull();
      expect((await pc.get(`/api/decisions/${ro.id}`)).json().state).toBe('revoked');
      const types = (await db().selectFrom('audit_events').select('type').where('subject_id', '=', ro.id).orderBy('seq').execute()).map(
        (r) => r.type,
      );
      expect(types).toEqual(['decision.issued', 'access.granted', 'decision.revoked', 'access.revoked']);
      const again = await pc.post('/api/decisions', {
        institutionId: 'inst-bc-prishtine',
        number: decisionNo('R'),
        decidedOn: today(),
        kind: 'revocation',
        targetDecisionId: ro.id,
      });
      expect(again.statusCode).toBe(409);
    });
  });

  describe('tenancy and oversight', () => {
    it('answers 404 for another court’s decision and lets KJC leadership read but not issue', async () => {
      const { pio, account, pc } = await court();
      const ro = (await appoint(pc, { people: [pio.id], accounts: [account.id], extra: { attachment: pdfUpload() } })).json();
      const prizren = await signIn(ctx, await build.user(ctx, { position: 'president', institution: 'bc-prizren' }));
      expect((await prizren.get(`/api/decisions/${ro.id}`)).statusCode).toBe(404);
      expect((await prizren.get(`/api/decisions/${ro.id}/file`)).statusCode).toBe(404);
      expect((await appoint(prizren, { people: [pio.id], accounts: [account.id] })).statusCode).toBe(404);
      const list = (await prizren.get('/api/decisions')).json();
      expect(list.items.map((d: { id: string }) => d.id)).not.toContain(ro.id);

      const chair = await signIn(ctx, await build.user(ctx, { position: 'kjc_chair', institution: 'kjc' }));
      expect((await chair.get(`/api/decisions/${ro.id}`)).statusCode).toBe(200);
      expect((await chair.get('/api/decisions?institutionId=inst-bc-prishtine')).json().canIssue).toBe(false);
      expect((await appoint(chair, { people: [pio.id], accounts: [account.id] })).statusCode).toBe(403);
    });

    it('validates bodies and ids', async () => {
      const { pc } = await court();
      expect((await pc.post('/api/decisions', { institutionId: 'inst-bc-prishtine', kind: 'nonsense' })).statusCode).toBe(400);
      expect((await pc.get('/api/decisions/nope')).statusCode).toBe(404);
      expect((await pc.post('/api/editor-requests/nope/consent', { number: 'X', decidedOn: today() })).statusCode).toBe(404);
    });
  });
});
