import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import { describeEachEngine } from '../../../test/db.js';
import { build, Client, createTestApp, signIn, type TestContext } from '../../../test/app.js';
import type { Connector, ExternalProfile, ExternalRole } from '../../connectors/connector.js';
import { authorityCounts, decisionNo, insertAccount, today } from '../decisions/authority.testing.js';
import { platformAccess, type ConnectorResolver } from './platform.service.js';

async function png(color: string, shape: 'disc' | 'triangle'): Promise<Buffer> {
  const body =
    shape === 'disc'
      ? `<circle cx="50" cy="45" r="30" fill="${color}"/><rect x="10" y="82" width="80" height="8" fill="${color}"/>`
      : `<polygon points="0,100 50,0 100,100" fill="${color}"/>`;
  return sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 100 100"><rect width="100" height="100" fill="#fff"/>${body}</svg>`,
    ),
  )
    .png()
    .toBuffer();
}

/** A small in-test platform: a profile and a role list per external id. */
function fakeConnector(state: { profile: Partial<ExternalProfile>; roles: ExternalRole[] }): Connector {
  const notUsed = () => Promise.reject(new Error('not used in this test'));
  return {
    manifest: {
      name: 'sandbox',
      displayName: 'Fake',
      capabilities: {
        textPost: true,
        imagePost: true,
        videoPost: false,
        deletePost: true,
        listComments: true,
        hideComment: true,
        deleteComment: true,
        replyComment: true,
        commentWebhook: false,
        privateMessages: true,
        nativeAutoReply: true,
        readProfile: true,
        editProfile: false,
        listRoles: true,
      },
      limits: { maxTextLength: 5000, maxImages: 4, maxImageBytes: 1e6 },
      notes: [],
    },
    publish: notUsed,
    findByIdempotencyKey: notUsed,
    deletePost: notUsed,
    listComments: notUsed,
    hideComment: notUsed,
    deleteComment: notUsed,
    replyToComment: notUsed,
    listMessages: notUsed,
    sendMessage: notUsed,
    rateLimit: notUsed,
    getProfile: async (ref) => ({
      displayName: 'Gjykata Themelore në Prishtinë',
      handle: ref.handle,
      description: 'Faqja zyrtare',
      website: 'https://prishtine.gjyqesori-rks.org',
      email: 'info@gjyqesori-rks.org',
      phone: '038 200 00 000',
      address: 'Rr. Agim Ramadani',
      picture: null,
      autoReplyText: 'Kjo është përgjigje automatike.',
      ...state.profile,
    }),
    listRoles: async () => state.roles,
  };
}

describeEachEngine('account register (routes)', (engine) => {
  let ctx: TestContext;
  const original: ConnectorResolver = platformAccess.connectorFor;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());
  afterEach(() => {
    platformAccess.connectorFor = original;
  });

  async function court(institution = 'bc-prishtine') {
    const president = await build.user(ctx, { position: 'president', institution });
    const pio = await build.user(ctx, { position: 'pio', institution });
    return { president, pio, pc: await signIn(ctx, president), pioc: await signIn(ctx, pio) };
  }

  it('opens a new account only with the head’s permission (art. 3.3): request → approve by decision', async () => {
    const { pc, pioc, pio } = await court('bc-prizren');
    const req = await pioc.post('/api/accounts/requests', {
      institutionId: 'inst-bc-prizren',
      platform: 'x',
      handle: '@gjthprizren',
      displayName: 'Gjykata Themelore në Prizren',
      note: 'For announcements',
    });
    expect(req.statusCode).toBe(200);
    expect(req.json()).toMatchObject({
      status: 'requested',
      handle: 'gjthprizren',
      authorisation: 'awaiting_approval',
      requestedBy: { id: pio.id },
    });
    const id = req.json().id;
    expect((await pioc.post(`/api/accounts/${id}/approve`, { number: decisionNo(), decidedOn: today() })).statusCode).toBe(403);
    const ok = await pc.post(`/api/accounts/${id}/approve`, { number: decisionNo('A'), decidedOn: today() });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'active', authorisation: 'authorised' });
    expect(ok.json().checks.find((c: { code: string }) => c.code === 'authorisation')).toMatchObject({ status: 'pass' });
    const types = (
      await ctx.database.db.selectFrom('audit_events').select('type').where('subject_id', '=', id).orderBy('seq').execute()
    ).map((r) => r.type);
    expect(types).toEqual(['account.requested', 'account.approved']);
    expect((await pc.post(`/api/accounts/${id}/approve`, { number: decisionNo('A'), decidedOn: today() })).statusCode).toBe(409);
  });

  it('refuses a handle with characters the platform forbids, naming the article, and writes nothing', async () => {
    const { pioc } = await court();
    const before = await authorityCounts(ctx);
    const res = await pioc.post('/api/accounts/requests', {
      institutionId: 'inst-bc-prishtine',
      platform: 'x',
      handle: 'gjth-prishtinë',
      displayName: 'Gjykata Themelore në Prishtinë',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'invalid_handle', details: { article: '5.2' } });
    expect(res.json().error.message).toContain('art. 5.2');
    expect(await authorityCounts(ctx)).toEqual(before);
  });

  it('shows a pre-manual account as lacking its retroactive decision until one is issued (art. 3.4)', async () => {
    const { pc } = await court('bc-mitrovice');
    const reg = await pc.post('/api/accounts', {
      institutionId: 'inst-bc-mitrovice',
      platform: 'facebook',
      handle: 'gjthmitrovice',
      displayName: 'Gjykata Themelore në Mitrovicë',
      openedAt: '2016-03-01',
      openedBeforeManual: true,
    });
    expect(reg.statusCode).toBe(200);
    expect(reg.json().authorisation).toBe('lacks_retroactive_decision');
    const retro = await pc.post('/api/decisions', {
      institutionId: 'inst-bc-mitrovice',
      number: decisionNo('RET'),
      decidedOn: today(),
      kind: 'retroactive',
      accountIds: [reg.json().id],
    });
    expect(retro.statusCode).toBe(200);
    expect(retro.json().effectFrom).toBe('2016-03-01T00:00:00.000Z');
    expect((await pc.get(`/api/accounts/${reg.json().id}`)).json().authorisation).toBe('authorised');
    const fresh = await insertAccount(ctx, { institution: 'bc-mitrovice' });
    const wrong = await pc.post('/api/decisions', {
      institutionId: 'inst-bc-mitrovice',
      number: decisionNo('RET'),
      decidedOn: today(),
      kind: 'retroactive',
      accountIds: [fresh.id],
    });
    expect(wrong.json().error).toMatchObject({ code: 'not_pre_manual', details: { article: '3.4' } });
  });

  it('runs the presentation checks, compares the picture with the brand-kit logo and lists failures in the compliance view', async () => {
    const { pc, pio } = await court('bc-peje');
    const acc = await insertAccount(ctx, { institution: 'bc-peje', handle: 'gjthpeja', display_name: 'Gjykata Peje' });
    await pc.post('/api/decisions', {
      institutionId: 'inst-bc-peje',
      number: decisionNo(),
      decidedOn: today(),
      kind: 'ro_appointment',
      personIds: [pio.id],
      accountIds: [acc.id],
    });
    const logo = await png('#123a7a', 'disc');
    const kit = await pc.put('/api/brand-kits/inst-bc-peje', { handle: 'gjthpeje', logo: { contentBase64: logo.toString('base64') } });
    expect(kit.statusCode).toBe(200);
    expect(kit.json()).toMatchObject({ handle: 'gjthpeje', suggestedHandle: 'gjthpeje', hasLogo: true });

    const state = {
      profile: { displayName: 'Gjykata Themelore në Pejë', picture: await png('#aa0000', 'triangle') } as Partial<ExternalProfile>,
      roles: [] as ExternalRole[],
    };
    platformAccess.connectorFor = () => fakeConnector(state);
    const refreshed = await pc.post(`/api/accounts/${acc.id}/profile/refresh`);
    expect(refreshed.statusCode).toBe(200);
    const status = (code: string) => refreshed.json().checks.find((c: { code: string }) => c.code === code);
    expect(status('logo')).toMatchObject({ status: 'fail', article: '5.3–5.4' });
    expect(status('legal_name')).toMatchObject({ status: 'pass' });
    expect(status('handle_convention')).toMatchObject({ status: 'fail', params: { expected: 'gjthpeje' } });
    expect(status('auto_reply')).toMatchObject({ status: 'pass' });
    expect(status('description_languages')).toMatchObject({ status: 'fail', params: { missing: 'sr, bs' } });

    state.profile.picture = await sharp(logo).resize(64).jpeg().toBuffer();
    const again = await pc.post(`/api/accounts/${acc.id}/profile/refresh`);
    expect(again.json().checks.find((c: { code: string }) => c.code === 'logo').status).toBe('pass');

    const report = (await pc.get('/api/compliance?institutionId=inst-bc-peje')).json();
    expect(report.rows.map((r: { check: { code: string } }) => r.check.code)).toEqual(
      expect.arrayContaining(['handle_convention', 'description_languages']),
    );
    expect(report.rows.every((r: { check: { article: string; fix: string } }) => r.check.article && r.check.fix)).toBe(true);
    const chair = await signIn(ctx, await build.user(ctx, { position: 'kjc_chair', institution: 'kjc' }));
    const wide = (await chair.get('/api/compliance')).json();
    expect(wide.rows.some((r: { account: { id: string } }) => r.account.id === acc.id)).toBe(true);
    expect(wide.institutions.length).toBeGreaterThan(20);
  });

  it('flags drift: a stranger on the platform and a decision without a role', async () => {
    const { pc, pio, president } = await court('bc-ferizaj');
    const acc = await insertAccount(ctx, { institution: 'bc-ferizaj' });
    await pc.post('/api/decisions', {
      institutionId: 'inst-bc-ferizaj',
      number: decisionNo(),
      decidedOn: today(),
      kind: 'ro_appointment',
      personIds: [pio.id],
      accountIds: [acc.id],
    });
    platformAccess.connectorFor = () =>
      fakeConnector({
        profile: {},
        roles: [
          { externalUserId: 'x1', name: 'Nephew', email: 'nephew@gmail.com', role: 'admin' },
          { externalUserId: 'x2', name: president.name, email: president.email, role: 'admin' },
        ],
      });
    const drift = await pc.post(`/api/accounts/${acc.id}/drift`);
    expect(drift.statusCode).toBe(200);
    expect(drift.json().findings.map((f: { kind: string; name: string }) => `${f.kind}:${f.name}`)).toEqual([
      'role_without_decision:Nephew',
      `decision_without_role:${pio.name}`,
    ]);
    const detail = (await pc.get(`/api/accounts/${acc.id}`)).json();
    expect(detail.drift.findings).toHaveLength(2);
    expect(detail.checks.find((c: { code: string }) => c.code === 'drift')).toMatchObject({ status: 'fail', params: { count: '2' } });
    expect(detail.checks.find((c: { code: string }) => c.code === 'facebook_admin_official_email')).toMatchObject({ status: 'fail' });
    platformAccess.connectorFor = () => null;
    expect((await pc.post(`/api/accounts/${acc.id}/drift`)).statusCode).toBe(409);
  });

  it('keeps courts apart: another court’s account answers 404 and cannot be changed', async () => {
    const acc = await insertAccount(ctx, { institution: 'bc-gjakove' });
    const { pc } = await court('bc-gjilan');
    expect((await pc.get(`/api/accounts/${acc.id}`)).statusCode).toBe(404);
    expect((await pc.patch(`/api/accounts/${acc.id}`, { phone: '038 111 111' })).statusCode).toBe(404);
    expect((await pc.post(`/api/accounts/${acc.id}/close`, { reason: 'nope nope' })).statusCode).toBe(404);
    expect((await pc.get('/api/accounts?institutionId=inst-bc-gjakove')).json().items).toEqual([]);
    expect((await pc.get('/api/brand-kits/inst-bc-gjakove')).statusCode).toBe(404);
    expect((await pc.patch(`/api/accounts/${acc.id}`, { postalCode: 'abc' })).statusCode).toBe(400);
  });

  it('lets only those who manage access edit the details, auditing old and new values', async () => {
    const { pc, pio, pioc } = await court('bc-prishtine');
    const acc = await insertAccount(ctx);
    expect((await pioc.patch(`/api/accounts/${acc.id}`, { phone: '038 200 11 111' })).statusCode).toBe(403);
    await pc.post('/api/decisions', {
      institutionId: 'inst-bc-prishtine',
      number: decisionNo(),
      decidedOn: today(),
      kind: 'ro_appointment',
      personIds: [pio.id],
      accountIds: [acc.id],
    });
    const ok = await pioc.patch(`/api/accounts/${acc.id}`, {
      phone: '038 200 11 111',
      description: { sq: 'Faqja zyrtare', sr: 'Zvanična stranica' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().my).toMatchObject({ level: 'admin', manageAccess: true });
    const ev = await ctx.database.db
      .selectFrom('audit_events')
      .select(['type', 'data'])
      .where('subject_id', '=', acc.id)
      .where('type', '=', 'account.updated')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(ev.data).changes.phone).toEqual({ from: null, to: '038 200 11 111' });
  });

  it('publishes the public register without a session and with public fields only', async () => {
    const acc = await insertAccount(ctx, {
      institution: 'appeals',
      handle: 'gjykataeapelit',
      email: 'secret-contact@example.org',
      opened_with_email: 'hidden@example.org',
    });
    const anon = new Client(ctx.app);
    const res = await anon.get('/public/accounts.json');
    expect(res.statusCode).toBe(200);
    const appeals = res.json().institutions.find((i: { code: string }) => i.code === 'appeals');
    expect(appeals.accounts.find((a: { handle: string }) => a.handle === acc.handle)).toEqual({
      platform: 'sandbox',
      handle: 'gjykataeapelit',
      displayName: acc.display_name,
      url: null,
      openedAt: '2023-01-10',
      verifiedByDecision: false,
    });
    expect(res.body).not.toContain('hidden@example.org');
    expect(res.body).not.toContain('secret-contact');
  });
});
