import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { build, Client, createTestApp, signIn, TEST_PASSWORD, type TestContext } from '../../../test/app.js';
import { appointVia, authorityCounts, buildCourt, decisionNo, pdfUpload, today } from './authority.testing.js';
import { rightsOnAccount } from './rights.js';

describeEachEngine('editor requests (routes)', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());

  const db = () => ctx.database.db;

  const court = () => buildCourt(ctx);
  const appoint = appointVia;

  describe('the two-step editor request (art. 5.6b)', () => {
    it('goes recommend → consent → granted, and the officer then holds editor rights', async () => {
      const { pio, officer, account, pc, president } = await court();
      await appoint(pc, { people: [pio.id], accounts: [account.id] });
      const roClient = await signIn(ctx, pio);
      const rec = await roClient.post('/api/editor-requests', {
        institutionId: 'inst-bc-prishtine',
        candidateId: officer.id,
        accountIds: [account.id],
        note: 'Helps with Serbian posts',
      });
      expect(rec.statusCode).toBe(200);
      expect(rec.json()).toMatchObject({
        status: 'recommended',
        candidate: { id: officer.id },
        recommendedBy: { id: pio.id },
        can: { consent: false },
      });
      expect((await rightsOnAccount(db(), officer.id, account.id)).level).toBeNull();

      const byPio = await roClient.post(`/api/editor-requests/${rec.json().id}/consent`, { number: decisionNo('E'), decidedOn: today() });
      expect(byPio.statusCode).toBe(403);
      expect(byPio.json().error.message).toContain('5.6b');

      const pending = (await pc.get('/api/editor-requests?status=recommended')).json();
      expect(pending.items.find((r: { id: string }) => r.id === rec.json().id).can).toEqual({ consent: true, refuse: true });
      const ok = await pc.post(`/api/editor-requests/${rec.json().id}/consent`, {
        number: decisionNo('E'),
        decidedOn: today(),
        attachment: pdfUpload('editor.pdf'),
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'granted', decidedBy: { id: president.id } });
      const rights = await rightsOnAccount(db(), officer.id, account.id);
      expect(rights).toMatchObject({
        level: 'editor',
        publish: true,
        moderate: true,
        vault: false,
        manageAccess: false,
        viaDecisionIds: [ok.json().decisionId],
      });
      expect((await pc.post(`/api/editor-requests/${rec.json().id}/refuse`, { reason: 'changed my mind' })).statusCode).toBe(409);
    });

    it('makes a court officer granted editor access enrol two-factor authentication before going on', async () => {
      const { pio, account, pc } = await court();
      const officer = await build.user(ctx, { position: 'court_officer', totp: false });
      const oc = new Client(ctx.app);
      expect((await oc.post('/api/auth/login', { email: officer.email, password: TEST_PASSWORD })).json().stage).toBe('full');
      await appoint(pc, { people: [pio.id], accounts: [account.id] });
      const roClient = await signIn(ctx, pio);
      const rec = (
        await roClient.post('/api/editor-requests', {
          institutionId: 'inst-bc-prishtine',
          candidateId: officer.id,
          accountIds: [account.id],
        })
      ).json();
      expect((await pc.post(`/api/editor-requests/${rec.id}/consent`, { number: decisionNo('E'), decidedOn: today() })).statusCode).toBe(
        200,
      );
      expect((await oc.get('/api/accounts')).statusCode).toBe(401);
      const again = new Client(ctx.app);
      expect((await again.post('/api/auth/login', { email: officer.email, password: TEST_PASSWORD })).json().stage).toBe('enrol');
    });

    it('lets only a Responsible Officer recommend, never for themselves, and records a refusal', async () => {
      const { pio, officer, sub1, account, pc } = await court();
      const oc = await signIn(ctx, officer);
      const before = await authorityCounts(ctx);
      const notRo = await oc.post('/api/editor-requests', {
        institutionId: 'inst-bc-prishtine',
        candidateId: sub1.id,
        accountIds: [account.id],
      });
      expect(notRo.statusCode).toBe(403);
      expect(notRo.json().error.message).toContain('art. 5.6b');
      expect(await authorityCounts(ctx)).toEqual(before);

      await appoint(pc, { people: [pio.id], accounts: [account.id] });
      const roClient = await signIn(ctx, pio);
      expect(
        (await roClient.post('/api/editor-requests', { institutionId: 'inst-bc-prishtine', candidateId: pio.id, accountIds: [account.id] }))
          .statusCode,
      ).toBe(403);
      const rec = (
        await roClient.post('/api/editor-requests', {
          institutionId: 'inst-bc-prishtine',
          candidateId: officer.id,
          accountIds: [account.id],
        })
      ).json();
      expect(
        (
          await roClient.post('/api/editor-requests', {
            institutionId: 'inst-bc-prishtine',
            candidateId: officer.id,
            accountIds: [account.id],
          })
        ).statusCode,
      ).toBe(409);
      const refused = await pc.post(`/api/editor-requests/${rec.id}/refuse`, { reason: 'Not this year' });
      expect(refused.json()).toMatchObject({ status: 'refused', refusalReason: 'Not this year' });
      expect((await rightsOnAccount(db(), officer.id, account.id)).level).toBeNull();
    });
  });
});
