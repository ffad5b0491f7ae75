import { describe, expect, it } from 'vitest';
import type { PostStatus } from '@courtdesk/contracts';
import type { PolicyActor } from '../institutions/institutions.policy.js';
import {
  approvalProblems,
  canEditPost,
  canOverride,
  canGrantDecisionPermission,
  nextStatus,
  type PostAction,
  type PostFacts,
} from './posts.policy.js';

const actor: PolicyActor = { id: 'ro', institutionId: 'inst-a', position: 'pio', homeIds: ['inst-a'] };
const president: PolicyActor = { id: 'pres', institutionId: 'inst-a', position: 'president', homeIds: ['inst-a'] };
const base: PostFacts = {
  institutionId: 'inst-a',
  status: 'review',
  createdBy: 'author',
  actorPublishesAll: true,
  actorIsPresident: false,
  hasTargets: true,
  missingLanguages: 0,
  blockingFindings: 0,
  overrideBy: null,
  commentsOnDecision: false,
  decisionPermission: false,
  mediaWithoutProvenance: 0,
  anyTargetOut: false,
};

describe('workflow transitions', () => {
  const table: Array<[PostStatus, PostAction, PostStatus | null]> = [
    ['draft', 'submit', 'review'],
    ['draft', 'approve', 'approved'],
    ['draft', 'schedule', null],
    ['review', 'approve', 'approved'],
    ['review', 'returnToDraft', 'draft'],
    ['approved', 'schedule', 'scheduled'],
    ['approved', 'submit', null],
    ['scheduled', 'schedule', 'scheduled'],
    ['scheduled', 'unschedule', 'approved'],
    ['scheduled', 'startPublishing', 'publishing'],
    ['publishing', 'finishPublishing', 'published'],
    ['publishing', 'failPublishing', 'failed'],
    ['failed', 'retry', 'publishing'],
    ['published', 'returnToDraft', null],
    ['published', 'schedule', null],
    ['published', 'approve', null],
  ];
  it.each(table)('%s --%s--> %s', (from, action, to) => expect(nextStatus(from, action)).toBe(to));
});

describe('approval rules', () => {
  const table: Array<[string, Partial<PostFacts>, PolicyActor, string[]]> = [
    ['clean post, RO with rights', {}, actor, []],
    ['no right from a decision', { actorPublishesAll: false }, actor, ['no_publish_right']],
    ['missing required language', { missingLanguages: 1 }, actor, ['missing_language']],
    ['block finding, no override', { blockingFindings: 2 }, actor, ['blocking_findings']],
    ['block finding, override by someone else', { blockingFindings: 2, overrideBy: 'pres' }, actor, []],
    ['override approved by the overrider', { blockingFindings: 2, overrideBy: 'pres' }, president, ['own_override']],
    ['comment on a decision without permission', { commentsOnDecision: true }, actor, ['decision_permission_missing']],
    ['comment on a decision with permission', { commentsOnDecision: true, decisionPermission: true }, actor, []],
    ['media without provenance', { mediaWithoutProvenance: 1 }, actor, ['media_provenance_missing']],
    ['already published', { status: 'published' }, actor, ['wrong_status']],
    ['no accounts chosen', { hasTargets: false }, actor, ['no_targets']],
  ];
  it.each(table)('%s', (_name, over, who, expected) => expect(approvalProblems(who, { ...base, ...over })).toEqual(expected));
});

describe('override, permission and editing', () => {
  it('lets the president override only someone else’s post with blocking findings', () => {
    expect(canOverride(president, { ...base, actorIsPresident: true, blockingFindings: 1 })).toBe(true);
    expect(canOverride(president, { ...base, actorIsPresident: true, blockingFindings: 1, createdBy: 'pres' })).toBe(false);
    expect(canOverride(actor, { ...base, blockingFindings: 1 })).toBe(false);
    expect(canOverride(president, { ...base, actorIsPresident: true, blockingFindings: 0 })).toBe(false);
  });
  it('gives the 4.4c permission only to the president, once', () => {
    expect(canGrantDecisionPermission(president, { ...base, actorIsPresident: true, commentsOnDecision: true })).toBe(true);
    expect(
      canGrantDecisionPermission(president, { ...base, actorIsPresident: true, commentsOnDecision: true, decisionPermission: true }),
    ).toBe(false);
    expect(canGrantDecisionPermission(actor, { ...base, commentsOnDecision: true })).toBe(false);
  });
  it('never edits what went out, nor another institution’s post', () => {
    expect(canEditPost(actor, { ...base, status: 'scheduled' })).toBe(true);
    expect(canEditPost(actor, { ...base, status: 'publishing' })).toBe(false);
    expect(canEditPost(actor, { ...base, anyTargetOut: true })).toBe(false);
    expect(canEditPost(actor, { ...base, institutionId: 'inst-b' })).toBe(false);
  });
});
