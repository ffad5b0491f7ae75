import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FIXTURE_DIR, leaveOneBatchOut, loadLabelled } from '../../../scripts/train-moderation-model.js';
import {
  analyzeComment,
  classifyComment,
  combine,
  getActiveBooster,
  getActiveLexicon,
  modelInput,
  reloadLexicon,
} from './moderation.classifier.js';
import { ModelFileSchema, NAME_WORD, boosterFromFile, boosterScore, loadBooster, trainBooster } from './moderation.model.js';

const lexDir = getActiveLexicon().dir;

describe('booster model file', () => {
  it('the committed model loads (zod-validated) next to the lexicons', () => {
    const { booster, warning } = getActiveBooster();
    expect(warning).toBeUndefined();
    expect(booster).not.toBeNull();
    expect(booster!.review).toBeGreaterThan(0.3);
    expect(booster!.remove).toBeGreaterThanOrEqual(booster!.review);
    expect(booster!.file.trainedOn.comments).toBeGreaterThan(400);
  });

  it('a missing or broken model disables the booster with a warning, never crashes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lex-booster-'));
    try {
      expect(loadBooster(dir)).toMatchObject({ booster: null, warning: expect.stringMatching(/not found/) });
      mkdirSync(join(dir, 'model'));
      writeFileSync(join(dir, 'model/model.json'), '{"format": "courtdesk-moderation-booster", "version": 1');
      expect(loadBooster(dir)).toMatchObject({ booster: null, warning: expect.stringMatching(/disabled/) });
      writeFileSync(join(dir, 'model/model.json'), JSON.stringify({ format: 'courtdesk-moderation-booster', version: 1, dimBits: 18 }));
      expect(loadBooster(dir)).toMatchObject({ booster: null, warning: expect.stringMatching(/disabled/) });
      // the classifier keeps working on the rules alone
      for (const f of ['en', 'sq', 'sr']) cpSync(join(lexDir, f), join(dir, f), { recursive: true });
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      expect(reloadLexicon(dir)).toEqual({ ok: true });
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/booster disabled/));
      expect(getActiveBooster().booster).toBeNull();
      expect(classifyComment('Sudija Marko Ilić je kreten.').action).toBe('remove');
      expect(classifyComment('Sudija Nemanja Jović, uživaj dok traje.').action).toBe('keep');
      warn.mockRestore();
    } finally {
      reloadLexicon(lexDir);
      rmSync(dir, { recursive: true, force: true });
    }
    expect(getActiveBooster().booster).not.toBeNull();
  });
});

describe('rules + booster', () => {
  it('escalates new wording the rules keep to review, with words, category, probability and art. 3.7', () => {
    const text = 'Prosecutor Dren Kastrati, count the days you still walk around freely.';
    expect(classifyComment(text, { booster: false }).action).toBe('keep');
    const r = classifyComment(text, { uiLang: 'en' });
    expect(r.action).toBe('review');
    expect(r.score).toBeGreaterThanOrEqual(0.4);
    expect(r.score).toBeLessThan(0.8);
    expect(r.categories).toHaveLength(1);
    expect(r.reasons.length).toBeGreaterThan(0);
    for (const x of r.reasons) {
      expect(x).toMatchObject({ article: '3.7', rule: 'model.review', category: r.categories[0] });
      expect(text.slice(x.start, x.end)).toBe(x.match);
      expect(x.explanation).toMatch(/^Art\. 3\.7 — .+: the learned model.* \d+% likely/);
    }
    expect(classifyComment(text, { uiLang: 'sq' }).reasons[0]!.explanation).toMatch(/^Neni 3\.7 — .*modeli i mësuar/);
    expect(classifyComment(text, { uiLang: 'sr' }).reasons[0]!.explanation).toMatch(/^Član 3\.7 — .*naučeni model/);
  });

  it('removes at a very high p when a rule cue agrees, and shows the cue', () => {
    // (vocative form: since round 10 the `remove` threshold is 0.94 and the nominative variant scores just below it,
    // going to review — still caught)
    const text = 'Sudijo Nemanja Joviću, uživaj dok traje.';
    expect(classifyComment(text, { booster: false }).action).toBe('keep');
    const r = classifyComment(text, { uiLang: 'en' });
    expect(r).toMatchObject({ action: 'remove', categories: ['threat'] });
    expect(r.reasons[0]).toMatchObject({ rule: 'model.rule-cue', match: 'uživaj dok', category: 'threat', article: '3.7' });
    expect(r.reasons.slice(1).every((x) => x.rule === 'model.remove')).toBe(true);
  });

  it('rule removes stay rule removes with their explanations', () => {
    const r = classifyComment('Sudija Marko Ilić je kreten.');
    expect(r).toMatchObject({ action: 'remove', categories: ['insult'] });
    expect(r.reasons[0]!.rule).toBe('insult.person-term');
  });

  it('plain questions and thanks stay keep', () => {
    for (const t of [
      'When is the court open on Friday?',
      'Kur mbahet seanca e radhës për lëndën time?',
      'Хвала на објашњењу нове процедуре.',
    ])
      expect(classifyComment(t).action).toBe('keep');
  });

  it('the model removes only at a very high p with a rule cue and a person targeted', () => {
    const t = { review: 0.7, remove: 0.95 };
    const person = { hits: ['insult.evaluative', 'context.title'], flags: ['title', 'named'], findings: [] };
    expect(combine('keep', 0.99, person, t)).toEqual({ action: 'remove', by: 'model' });
    expect(combine('keep', 0.99, { hits: ['context.title'], flags: ['title', 'named'], findings: [] }, t)).toEqual({
      action: 'review',
      by: 'model',
    });
    expect(combine('keep', 0.99, { hits: ['insult.evaluative'], flags: ['thing'], findings: [] }, t)).toEqual({
      action: 'review',
      by: 'model',
    });
    expect(combine('keep', 0.9, person, t)).toEqual({ action: 'review', by: 'model' });
    expect(combine('keep', 0.5, person, t)).toEqual({ action: 'keep', by: 'rules' });
    expect(combine('review', 0.8, person, t)).toEqual({ action: 'review', by: 'rules' });
    expect(combine('remove', 0.01, person, t)).toEqual({ action: 'remove', by: 'rules' });
  });

  it('the booster is allocation-light: scoring 1,000 comments takes well under a second', () => {
    const b = getActiveBooster().booster!;
    const x = modelInput(analyzeComment('Prokurori Valon Krasniqi le të shikojë mirë kur ngjitet në makinë mëngjeseve.'));
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) boosterScore(b, x);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('combination and model input', () => {
  const view = { hits: [], flags: ['title', 'named'], findings: [] };
  it('a near-certain p removes without a rule cue only with a strong threshold and a person targeted', () => {
    expect(combine('keep', 0.97, view, { review: 0.8, remove: 0.92 }).action).toBe('review');
    expect(combine('keep', 0.97, view, { review: 0.8, remove: 0.92, strong: 0.96 })).toEqual({ action: 'remove', by: 'model' });
    expect(combine('keep', 0.95, view, { review: 0.8, remove: 0.92, strong: 0.96 }).action).toBe('review');
    expect(combine('keep', 0.97, { ...view, flags: ['thing'] }, { review: 0.8, remove: 0.92, strong: 0.96 }).action).toBe('review');
  });
  it('personal names reach the model as one placeholder', () => {
    const a = modelInput(analyzeComment('Judge Teuta Gashi was fair, thanks to Marko Ilić too.'));
    expect(a.words.filter((w) => w === NAME_WORD).length).toBe(2);
    expect(a.words).not.toContain('teuta');
    expect(a.words).toContain('judge');
  });
});

describe('training', () => {
  const ex = loadLabelled();
  afterAll(() => reloadLexicon(lexDir));

  it('is deterministic (same data → byte-identical model, file order does not matter)', () => {
    const some = ex.filter((_, i) => i % 3 === 0);
    const a = JSON.stringify(trainBooster(some, { review: 0.7, remove: 0.95 }, { iters: 40 }));
    const b = JSON.stringify(trainBooster([...some].reverse(), { review: 0.7, remove: 0.95 }, { iters: 40 }));
    expect(a).toBe(b);
    const m = ModelFileSchema.parse(JSON.parse(a));
    expect(boosterFromFile(m).review).toBe(0.7);
  });

  it('uses every labelled batch in the repository', () => {
    const batches = new Set(ex.map((e) => e.batch));
    for (const b of [
      'holdout',
      'holdout-blind2',
      'holdout-2',
      'holdout-3',
      'holdout-4',
      'holdout-5',
      'holdout-6',
      'holdout-7',
      'holdout-8',
      'holdout-9',
      'holdout-10',
      'holdout-10b',
      'holdout-10c',
      'holdout-11',
      'holdout-12',
      'holdout-13',
      'holdout-14',
      'holdout-15',
      'holdout-16',
      'holdout-17',
      'holdout-18',
      'holdout-19',
      'holdout-20',
      'holdout-21',
      'holdout-22',
      'holdout-23',
      'holdout-24',
      'holdout-25',
      'holdout-26',
      'holdout-27',
      'holdout-28',
      'holdout-29',
      'train-extra',
    ])
      expect(batches.has(b), `${b} in ${FIXTURE_DIR}`).toBe(true);
  });

  // Honest guard: each batch held out in turn (model and thresholds trained on the other batches only).
  // holdout-5 is the one batch the current rules never saw (rules alone: 50% caught when it was written).
  it('leave-one-batch-out: the booster lifts recall on an unseen batch without wrongly removing', () => {
    const r = leaveOneBatchOut(ex, { only: ['holdout-5', 'holdout-4'], train: { iters: 150 } });
    const h5 = r.batches.find((b) => b.batch === 'holdout-5')!;
    // the rules alone caught 50% of it when it was written and ~62% after rounds 11–15 (general concepts from other
    // batches); the booster must still add recall on top without removing more keeps
    expect(h5.rules.caught / h5.rules.rem).toBeLessThan(0.8);
    expect(h5.combined.caught).toBeGreaterThan(h5.rules.caught);
    expect(h5.combined.caught / h5.combined.rem).toBeGreaterThanOrEqual(0.8);
    for (const b of r.batches) {
      expect(b.combined.wrong).toBeLessThanOrEqual(b.rules.wrong);
      expect(b.combined.wrong / b.combined.keep).toBeLessThanOrEqual(0.02);
      expect(b.combined.review / b.combined.n).toBeLessThanOrEqual(0.25);
    }
  }, 120_000);
});
