import type { UiLocale } from '@courtdesk/contracts';
import type { DbOrTrx } from '../../platform/db/database.js';
import { isPresidentOf, rightsOnAccount } from '../decisions/rights.js';
import type { PolicyActor } from '../institutions/institutions.policy.js';
import { provenanceMissing } from '../media/media.provenance.js';
import { checkPost, type PostCheck } from './posts.check.js';
import type { PostFacts } from './posts.policy.js';
import type { LoadedPost } from './posts.repository.js';

/** Loads the facts the pure policies decide on: rights from decisions, findings, provenance. */
export async function postFacts(
  db: DbOrTrx,
  actor: PolicyActor,
  lp: LoadedPost,
  uiLang: UiLocale,
): Promise<{ facts: PostFacts; check: PostCheck; publishOn: Map<string, boolean> }> {
  const { post } = lp;
  const publishOn = new Map<string, boolean>();
  for (const t of lp.targets) publishOn.set(t.account_id, (await rightsOnAccount(db, actor.id, t.account_id)).publish);
  const check = checkPost(lp.variants, lp.requiredLanguages, { uiLang, decisionPermission: post.decision_permission_at !== null });
  const facts: PostFacts = {
    institutionId: post.institution_id,
    status: post.status,
    createdBy: post.created_by,
    actorPublishesAll: lp.targets.length > 0 && [...publishOn.values()].every(Boolean),
    actorIsPresident: await isPresidentOf(db, actor.id, post.institution_id),
    hasTargets: lp.targets.length > 0,
    missingLanguages: check.missingLanguages.length,
    blockingFindings: check.blocking.length,
    overrideBy: post.override_by,
    // Art. 4.4c applies when the officer says so or the check recognises a comment on a decision.
    commentsOnDecision: post.comments_on_decision === 1 || check.findings.some((f) => f.article === '4.4c'),
    decisionPermission: post.decision_permission_at !== null,
    mediaWithoutProvenance: lp.media.filter((m) => provenanceMissing(m).length > 0).length,
    anyTargetOut: lp.targets.some((t) => t.status === 'publishing' || t.status === 'published' || t.status === 'deleted'),
  };
  return { facts, check, publishOn };
}
