import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { createTestApp, type TestContext } from '../../../test/app.js';
import { sandbox } from '../../connectors/sandbox/index.js';
import { drainInbox } from './inbox.jobs.js';
import { ingestComments } from './inbox.ingest.js';
import { pollAccount } from './inbox.poll.js';
import { insertInboxAccount, sandboxDeps } from './inbox.testing.js';

const INSULT = 'Ju jeni budallenj dhe hajvana, gjykatës të korruptuar!';

describeEachEngine('inbox ingest', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());
  const db = () => ctx.database.db;
  const items = (accountId: string) =>
    db().selectFrom('inbox_items').selectAll().where('account_id', '=', accountId).orderBy('created_at').execute();

  it('stores each comment once however often it arrives (repeated polls, webhook + poll, concurrent batches)', async () => {
    const acc = await insertInboxAccount(db());
    const deps = sandboxDeps(db());
    for (let i = 0; i < 7; i++)
      await sandbox.addComment(db(), acc.external_id!, {
        authorHandle: `p${i}`,
        authorName: `Person ${i}`,
        text: `Kur do të mbahet seanca e radhës? ${i}`,
      });
    const first = await pollAccount(deps, acc);
    expect(first.inserted).toBe(7);
    const again = await pollAccount(deps, acc);
    expect(again.inserted).toBe(0);
    const list = await deps.connector.listComments(
      { accountId: acc.id, platform: 'sandbox', externalId: acc.external_id!, handle: acc.handle, credentials: {} },
      {},
    );
    const results = await Promise.all([
      ingestComments(deps, acc, list.items),
      ingestComments(deps, acc, list.items),
      ingestComments(deps, acc, [...list.items, ...list.items]),
    ]);
    expect(results.reduce((n, r) => n + r.inserted, 0)).toBe(0);
    expect(await items(acc.id)).toHaveLength(7);
  });

  it('classifies on arrival: hides an insult after saving its evidence copy, leaves criticism, queues nothing for the court’s own words', async () => {
    const acc = await insertInboxAccount(db());
    const seen: Array<{ evidence: number }> = [];
    const deps = sandboxDeps(db(), {
      wrap: (c) => ({
        hideComment: async (ref, id, hidden) => {
          const item = await db().selectFrom('inbox_items').select('id').where('external_id', '=', id).executeTakeFirstOrThrow();
          const ev = await db().selectFrom('inbox_evidence').select('id').where('item_id', '=', item.id).execute();
          seen.push({ evidence: ev.length });
          return c.hideComment(ref, id, hidden);
        },
      }),
    });
    await sandbox.addComment(db(), acc.external_id!, { authorHandle: 'angry', authorName: 'Angry', text: INSULT });
    await sandbox.addComment(db(), acc.external_id!, {
      authorHandle: 'critic',
      authorName: 'Critic',
      text: 'Vendimi i gjykatës është i padrejtë dhe duhet të apelohet.',
    });
    await sandbox.addComment(db(), acc.external_id!, {
      authorHandle: acc.handle,
      authorName: 'Court',
      text: 'budallenj hajvana (citim nga një koment i fshehur)',
    });
    await pollAccount(deps, acc);
    await drainInbox(deps);
    const rows = await items(acc.id);
    const insult = rows.find((r) => r.author_handle === 'angry')!;
    expect(insult.verdict).toBe('remove');
    expect(insult.status).toBe('hidden');
    expect(seen).toEqual([{ evidence: 1 }]);
    const evidence = await db().selectFrom('inbox_evidence').selectAll().where('item_id', '=', insult.id).executeTakeFirstOrThrow();
    expect(evidence.text).toBe(INSULT);
    expect(evidence.content_hash).toMatch(/^[0-9a-f]{64}$/);
    const platform = await db()
      .selectFrom('sandbox_comments')
      .select('hidden')
      .where('author_handle', '=', 'angry')
      .where('account_external_id', '=', acc.external_id!)
      .executeTakeFirstOrThrow();
    expect(platform.hidden).toBe(1);
    const audit = await db().selectFrom('audit_events').selectAll().where('subject_id', '=', insult.id).execute();
    expect(audit.map((a) => a.type)).toEqual(['inbox.comment_hidden']);
    expect(audit[0]!.reason).toMatch(/art\. 3\.7/);
    expect(rows.find((r) => r.author_handle === 'critic')!.status).toBe('visible');
    const own = rows.find((r) => r.author_handle === acc.handle)!;
    expect(own.status).toBe('own');
    expect(own.verdict).toBeNull();
  });

  it('where the platform cannot hide, queues the insult for the officer and says why', async () => {
    const onlyDelete = await insertInboxAccount(db());
    const cannotAct = await insertInboxAccount(db());
    await sandbox.addComment(db(), onlyDelete.external_id!, { authorHandle: 'a', authorName: 'A', text: INSULT });
    await sandbox.addComment(db(), cannotAct.external_id!, { authorHandle: 'b', authorName: 'B', text: INSULT });
    await pollAccount(sandboxDeps(db(), { caps: { hideComment: false } }), onlyDelete);
    await pollAccount(sandboxDeps(db(), { caps: { hideComment: false, deleteComment: false } }), cannotAct);
    const [a] = await items(onlyDelete.id);
    const [b] = await items(cannotAct.id);
    expect([a!.status, a!.note]).toEqual(['needs_action', 'platform_cannot_hide']);
    expect([b!.status, b!.note]).toEqual(['needs_action', 'platform_cannot_act']);
    expect(
      await db().selectFrom('inbox_actions').select('id').where('account_id', 'in', [onlyDelete.id, cannotAct.id]).execute(),
    ).toHaveLength(0);
  });

  it('with auto-hide off, sends removals to review instead', async () => {
    const acc = await insertInboxAccount(db());
    await db()
      .insertInto('inbox_account_policies')
      .values({ account_id: acc.id, auto_hide: 0, updated_at: new Date().toISOString(), updated_by: null })
      .execute();
    await sandbox.addComment(db(), acc.external_id!, { authorHandle: 'a', authorName: 'A', text: INSULT });
    await pollAccount(sandboxDeps(db()), acc);
    const [row] = await items(acc.id);
    expect([row!.status, row!.note]).toEqual(['review', 'auto_hide_off']);
  });

  describe('bad input', () => {
    it('keeps a 100 KB comment whole, emoji-only text, HTML as text, and a slur hidden by zero-width characters', async () => {
      const acc = await insertInboxAccount(db());
      const deps = sandboxDeps(db());
      const big = 'Pyetje për seancën. '.repeat(5000) + ' budallenj!';
      const texts = [big, '😡😡😡🤬', '<script>alert(1)</script><img src=x onerror=alert(2)>', 'bu\u200bdal\u200clenj', ''];
      for (const [i, text] of texts.entries())
        await sandbox.addComment(db(), acc.external_id!, { authorHandle: `h${i}`, authorName: 'X', text });
      const r = await pollAccount(deps, acc);
      expect(r.errors).toEqual([]);
      await drainInbox(deps);
      const rows = await items(acc.id);
      expect(rows).toHaveLength(texts.length);
      const byAuthor = new Map(rows.map((x) => [x.author_handle, x]));
      expect(byAuthor.get('h0')!.text).toBe(big);
      expect(byAuthor.get('h0')!.text_length).toBe(big.length);
      expect(byAuthor.get('h1')!.verdict).toBe('keep');
      expect(byAuthor.get('h2')!.text).toBe(texts[2]);
      expect(byAuthor.get('h3')!.verdict).not.toBe('keep');
    });

    it('stores a NUL byte or a lone surrogate from a platform without failing the batch', async () => {
      const acc = await insertInboxAccount(db());
      const r = await ingestComments(sandboxDeps(db()), acc, [
        {
          externalId: 'x1',
          postExternalId: null,
          authorHandle: 'n\u0000ul',
          authorName: 'N',
          text: 'a\u0000b \uD800 c',
          createdAt: 'not a date',
          hidden: false,
          fromAccount: false,
        },
      ]);
      expect(r.inserted).toBe(1);
      const [row] = await items(acc.id);
      expect(row!.text).toBe('a\uFFFDb \uFFFD c');
      expect(row!.author_handle).toBe('n\uFFFDul');
      expect(Date.parse(row!.created_at)).not.toBeNaN();
    });
  });
});
