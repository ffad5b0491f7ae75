import { afterAll, beforeAll, expect, it } from 'vitest';
import net from 'node:net';
import { describeEachEngine } from '../../../test/db.js';
import { build, createTestApp, signIn, type TestContext } from '../../../test/app.js';
import { drainJobs } from '../../platform/jobs/jobs.js';
import { appoint, makeAccount } from '../publishing/publishing.test-kit.js';
import './notifications.service.js';

/** A minimal SMTP sink on 127.0.0.1: accepts every message and keeps its raw text. */
function smtpSink(): Promise<{ port: number; messages: string[]; close(): Promise<void> }> {
  const messages: string[] = [];
  const server = net.createServer((sock) => {
    let buf = '';
    let inData = false;
    sock.write('220 sink ESMTP\r\n');
    sock.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end === -1) return;
          messages.push(buf.slice(0, end));
          buf = buf.slice(end + 5);
          inData = false;
          sock.write('250 queued\r\n');
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl === -1) return;
        const line = buf.slice(0, nl).toUpperCase();
        buf = buf.slice(nl + 2);
        if (line.startsWith('EHLO') || line.startsWith('HELO')) sock.write('250 sink\r\n');
        else if (line.startsWith('DATA')) {
          inData = true;
          sock.write('354 go ahead\r\n');
        } else if (line.startsWith('QUIT')) sock.end('221 bye\r\n');
        else sock.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, messages, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

describeEachEngine('notifications by e-mail', (engine) => {
  let ctx: TestContext;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  beforeAll(async () => {
    sink = await smtpSink();
    ctx = await createTestApp(engine, { smtpUrl: `smtp://127.0.0.1:${sink.port}`, mailFrom: 'Courtdesk <courtdesk@test.example>' });
  });
  afterAll(async () => {
    await ctx.close();
    await sink.close();
  });

  it('sends "approval requested" to the people who can approve, through SMTP, after commit', async () => {
    const president = await build.user(ctx, { position: 'president' });
    const ro = await build.user(ctx, { position: 'pio' });
    const officer = await build.user(ctx, { position: 'court_officer' });
    const acc = await makeAccount(ctx.database.db);
    await appoint(ctx.database.db, { issuer: president.id, people: [[ro.id, 'responsible_officer']], accounts: [acc.id] });
    await appoint(ctx.database.db, {
      issuer: president.id,
      people: [[officer.id, 'editor']],
      accounts: [acc.id],
      level: 'editor',
      kind: 'editor_grant',
    });
    const c = await signIn(ctx, officer);
    const id = (
      await c.post('/api/posts', {
        institutionId: 'inst-bc-prishtine',
        variants: [
          { lang: 'sq', text: 'Njoftim.' },
          { lang: 'sr', text: 'Obaveštenje.' },
          { lang: 'tr', text: 'Duyuru.' },
        ],
        accountIds: [acc.id],
        mediaIds: [],
      })
    ).json().id;
    expect((await c.post(`/api/posts/${id}/submit`)).statusCode).toBe(200);
    const queued = await ctx.database.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'status'])
      .where('to_address', 'in', [ro.email, president.email, officer.email])
      .execute();
    expect(queued.map((m) => m.to_address).sort()).toEqual([president.email, ro.email].sort());
    expect(queued.every((m) => m.status === 'queued')).toBe(true);
    await drainJobs({ db: ctx.database.db, config: ctx.config, log: ctx.app.log });
    const sent = await ctx.database.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'status'])
      .where('to_address', 'in', [ro.email, president.email])
      .execute();
    expect(sent.every((m) => m.status === 'sent')).toBe(true);
    const toRo = sink.messages.find((m) => m.includes(ro.email));
    expect(toRo).toBeDefined();
    expect(toRo).toMatch(/^Subject: /m);
    expect(toRo).toContain(`/posts/${id}`);
  });
});
