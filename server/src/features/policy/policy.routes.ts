import { z } from 'zod';
import { CheckDraftBody, CheckDraftResponse, ErrorBody, PolicyPackView, type ContentLang } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { appendAudit } from '../audit/audit.service.js';
import { requireActor } from '../auth/session.plugin.js';
import { canViewInstitution, isSysadmin } from '../institutions/institutions.policy.js';
import { toPolicyActor } from '../institutions/institutions.repository.js';
import { checkDraft, getActivePack, reloadPack, type Lang } from './index.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/**
 * The policy engine over HTTP: live checking for the composer and the "check a draft" page, and the
 * pack in force for administrators to read. The publishing pipeline calls `checkDraft` directly.
 */
export async function policyRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  const tags = ['policy'];

  app.post(
    '/api/policy/check',
    { schema: { tags, body: CheckDraftBody, response: { 200: CheckDraftResponse, ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      const pa = await toPolicyActor(db, actor);
      const institutionId = req.body.institutionId ?? actor.user.institution_id;
      if (!canViewInstitution(pa, institutionId)) throw new NotFoundError('The institution');
      const inst = await db
        .selectFrom('institutions')
        .select(['languages', 'phone', 'email', 'website'])
        .where('id', '=', institutionId)
        .executeTakeFirst();
      if (!inst) throw new NotFoundError('The institution');
      const requiredLanguages = JSON.parse(inst.languages) as ContentLang[];
      const started = performance.now();
      const findings = checkDraft(
        {
          variants: req.body.variants.map((v) => ({ lang: v.lang as Lang, text: v.text })),
          requiredLanguages: requiredLanguages as Lang[],
        },
        {
          uiLang: actor.user.locale,
          permissions: { decisionComment: req.body.decisionComment ?? false },
          officialContacts: {
            phones: inst.phone ? [inst.phone] : [],
            emails: inst.email ? [inst.email] : [],
            domains: inst.website ? [new URL(inst.website).hostname.replace(/^www\./, '')] : [],
          },
        },
      );
      return {
        findings,
        requiredLanguages,
        packVersion: getActivePack().version,
        tookMs: Math.round((performance.now() - started) * 100) / 100,
      };
    },
  );

  app.get('/api/policy/pack', { schema: { tags, response: { 200: PolicyPackView, ...errors } } }, async (req) => {
    requireActor(req);
    const pack = getActivePack();
    return {
      id: pack.id,
      version: pack.version,
      jurisdiction: pack.jurisdiction,
      description: pack.description ?? null,
      loadedAt: pack.loadedAt,
      requiredLanguages: pack.requiredLanguages,
      rules: pack.rules.map((r) => ({
        id: r.id,
        article: r.article,
        severity: r.severity,
        languages: r.languages,
        kind: r.kind,
        message: r.message,
        description: r.description ?? null,
      })),
      lists: pack.lists,
    };
  });

  app.post(
    '/api/policy/pack/reload',
    { schema: { tags, response: { 200: z.object({ ok: z.boolean(), version: z.string(), error: z.string().nullable() }), ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      if (!isSysadmin(await toPolicyActor(db, actor))) throw new ForbiddenError('Only a system administrator may reload the policy pack.');
      const res = reloadPack();
      const version = getActivePack().version;
      await db.transaction().execute((trx) =>
        appendAudit(trx, {
          type: res.ok ? 'policy.pack_reloaded' : 'policy.pack_refused',
          actorId: actor.user.id,
          data: { version, error: res.ok ? null : res.error },
        }),
      );
      return { ok: res.ok, version, error: res.ok ? null : res.error };
    },
  );
}
