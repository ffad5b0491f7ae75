import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkText, type Lang } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const DEV = resolve(here, '../../../../../shared/eval/posts-dev.jsonl');
const HOLDOUTS = ['holdout.jsonl', 'holdout2.jsonl', 'holdout3.jsonl', 'holdout4.jsonl', 'holdout5.jsonl', 'holdout6.jsonl'].map((f) =>
  resolve(here, 'fixtures', f),
);
/** Clean look-alikes only (no expected findings): F1 is undefined, only the share flagged is guarded. */
const CLEAN_ONLY = resolve(here, 'fixtures', 'clean-lookalikes.jsonl');

/** Micro F1 over (post, article) pairs and the share of clean posts flagged — as the judge scores. */
function score(file: string): { f1: number; cleanFlagged: number } {
  let tp = 0,
    fp = 0,
    fn = 0,
    clean = 0,
    flagged = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { text: string; lang?: Lang; expect: string[] };
    const got = new Set(checkText(r.text, r.lang ? { lang: r.lang } : {}).map((f) => f.article));
    const want = new Set(r.expect);
    if (want.size === 0) {
      clean++;
      if (got.size > 0) flagged++;
    }
    for (const a of got) {
      if (want.has(a)) tp++;
      else fp++;
    }
    for (const a of want) if (!got.has(a)) fn++;
  }
  const p = tp / (tp + fp);
  const rc = tp / (tp + fn);
  return { f1: (2 * p * rc) / (p + rc), cleanFlagged: flagged / clean };
}

describe('quality regression guard (targets: F1 ≥ 0.90, ≤ 5% clean flagged)', () => {
  it.skipIf(!existsSync(DEV))('dev set', () => {
    const s = score(DEV);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  it.each(HOLDOUTS)('own holdout %s', (file) => {
    const s = score(file);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 7 was written last and measured before any change (first measurement: F1 0.667 with the booster,
  // 0.476 rules alone); only two false positives were fixed after it, no recall tuning. Its guard is lower on
  // purpose — it keeps the hard, untuned wording visible instead of hiding it.
  // Round 8 lowered it from 0.75 to 0.65: rules alone are unchanged (0.605); what fell (0.824 → 0.667) is the
  // booster's fit on a batch it is trained on, which leaned on one/two-letter words ("to", "ka", "i") as evidence.
  // Those never count as evidence now (that also removed booster clean flags in h6, h10 and the round-8 probes),
  // and 0.667 equals holdout 7's leave-one-batch-out (blind) replay with or without that change.
  it('blind holdout 7 (untuned rules): F1 ≥ 0.65, ≤ 5% clean flagged', () => {
    const s = score(resolve(here, 'fixtures', 'holdout7.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.65);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 8 (60 posts, 27 clean) was written and measured before round 4 (F1 0.833, rules alone 0.833) and
  // measured once after it (0.852); nothing was tuned on its misses. Untuned on purpose, like holdout 7.
  it('blind holdout 8 (untuned rules): F1 ≥ 0.80, ≤ 5% clean flagged', () => {
    const s = score(resolve(here, 'fixtures', 'holdout8.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.8);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 9 (50 posts, 22 clean; 4.4c- and 4.3-heavy) was written before round 5 and measured before it (F1 0.622,
  // rules alone 0.558, 2/22 clean flagged) and once after (0.873, 2/22 — both by older rules on reported statements).
  // Nothing was tuned on its misses; the guard sits at the after-figure minus a margin.
  it('blind holdout 9 (untuned): F1 ≥ 0.83, ≤ 10% clean flagged', () => {
    const s = score(resolve(here, 'fixtures', 'holdout9.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.83);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.1);
  });
  // Holdout 10 (50 posts, 22 clean: reported party statements, neutral notices; idiom-heavy 4.4c) was written before
  // round 6 and measured before it (F1 0.645, 12/22 clean flagged) and after it (F1 0.949, 1/22 — a booster warn).
  // It is less blind than the lead's set (same engineer; the brief named its idiom families). Guard: after-figure − margin.
  it('blind holdout 10: F1 ≥ 0.90, ≤ 10% clean flagged', () => {
    const s = score(resolve(here, 'fixtures', 'holdout10.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.1);
  });
  // Holdout 11 (60 posts, 27 clean; the dev set's mix: sq with/without ë, sr Latin/Cyrillic, en, bilingual posts, double
  // violations) was written before round 7 and measured before it (F1 0.909, 0/27 clean flagged; 6 missed pairs) and
  // after it (F1 1.000, 0/27). Its misses were fixed by concept/morphology, so it is no longer blind. Guard: after − margin.
  it('holdout 11: F1 ≥ 0.95, clean flagged ≤ 5%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout11.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 12 (104 posts, 41 clean; dev mix: sq/sr Latin/sr Cyrillic/en, reported statements, neutral notices, party
  // litigants, public-institution info) was written and committed before round 8 and measured before it (F1 0.884,
  // 2/41 clean flagged; 12 missed pairs, 3 false ones) and after it (F1 1.000, 0/41). Its misses were fixed by concept,
  // so it is no longer blind. Guard: after-figure − margin.
  it('holdout 12: F1 ≥ 0.95, clean flagged ≤ 5%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout12.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 13 (44 posts, 18 clean, dev mix) was written after the round-8 fixes for holdout 12 and measured once before
  // any further change (F1 0.880, 1/18 clean flagged: a prosecution's reported statement with a neuter verb, "navelo");
  // its five misses and the false flag were then fixed by concept, so it is no longer blind. Guard: after − margin.
  it('holdout 13: F1 ≥ 0.95, clean flagged ≤ 6%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout13.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.06);
  });
  // Holdout 14 (48 posts, 19 clean, dev mix) was committed before its single first measurement (F1 0.808, P 1.000,
  // R 0.677, 0/19 clean flagged — the hardest blind figure of round 8); its ten misses were then fixed by concept, so it
  // is no longer blind. Guard: after − margin.
  it('holdout 14: F1 ≥ 0.95, clean flagged ≤ 5%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout14.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 15 (49 posts, 18 clean, dev mix) was committed before its single first measurement (F1 0.857, P 0.960,
  // R 0.774, 0/18 clean flagged); its seven misses and one false pair were then fixed by concept. Guard: after − margin.
  it('holdout 15: F1 ≥ 0.95, clean flagged ≤ 5%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout15.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 16 (45 posts, 18 clean, dev mix) was committed before its single first measurement (F1 0.833, P 0.952,
  // R 0.741, 0/18 clean flagged); its seven misses and one false pair were then fixed by concept. Guard: after − margin.
  it('holdout 16: F1 ≥ 0.95, clean flagged ≤ 5%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout16.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 17 (44 posts, 17 clean, dev mix) was committed before its single first measurement (F1 0.800, P 1.000,
  // R 0.667, 0/17 clean flagged); its nine misses were then fixed by concept. Guard: after − margin.
  it('holdout 17: F1 ≥ 0.95, clean flagged ≤ 6%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout17.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.06);
  });
  // Holdout 18 (100 posts, 45 clean, dev mix) was written by a writer who never saw the engine or its lists, and measured
  // after round 8 before any change (F1 0.871, P 0.910, R 0.836, 3/45 clean flagged; 0.863 mid-round). Round 9 fixed its
  // misses by concept (minors named with an age, official phone numbers, deserved-sentence talk, party success wishes).
  // Its two 3.11 labels (a page announcing it drops a language) are beyond the text rules. Guard: after − margin.
  it('holdout 18: F1 ≥ 0.93, clean flagged ≤ 5%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout18.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.93);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 19 (100 posts, 45 clean, dev mix; no 3.11 labels) by a second writer who never saw the engine, measured after
  // round 9 before any change: F1 0.915 (P 0.983, R 0.855), 1/45 clean flagged — the first blind batch above 0.90.
  // Round 10 fixed its misses by concept. Guard: after − margin.
  it('holdout 19: F1 ≥ 0.94, clean flagged ≤ 5%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout19.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.94);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 20 (100 posts, 45 clean) by a third writer who never saw the engine, measured after round 10 before any
  // change: F1 0.899 (P 0.967, R 0.841), 0/45 clean flagged. Round 11 fixed its misses by concept. Guard: after − margin.
  it('holdout 20: F1 ≥ 0.94, clean flagged ≤ 5%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout20.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.94);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 21 (100 posts, 45 clean) by a fourth writer asked for unusual, indirect and idiomatic wording (harder than
  // the dev mix), measured after round 11 before any change: F1 0.840 (P 0.943, R 0.758), 1/45 clean flagged. Round 12
  // fixed part of its misses by concept (0.922 after). Guard: after − margin.
  it('holdout 21: F1 ≥ 0.90, clean flagged ≤ 5%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout21.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 22 (100 posts, 45 clean, dev mix) by a fifth writer who never saw the engine, measured after round 12 before
  // any change: F1 0.887 (P 0.948, R 0.833), 0/45 clean flagged. Round 13 fixed its misses by concept. Guard: after − margin.
  it('holdout 22: F1 ≥ 0.92, clean flagged ≤ 5%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout22.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.92);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 23 (100 posts, 45 clean, dev mix) by a sixth writer who never saw the engine, measured after round 13 before
  // any change: F1 0.903 (P 0.982, R 0.836), 1/45 clean flagged. Round 14 fixed its misses by concept. Guard: after − margin.
  it('holdout 23: F1 ≥ 0.94, clean flagged ≤ 5%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout23.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.94);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdout 24 (100 posts, 45 clean, dev mix) by a seventh writer who never saw the engine, measured after round 14
  // before any change: F1 0.934 (P 0.983, R 0.891), 0/45 clean flagged. Round 15 fixed its misses. Guard: after − margin.
  it('holdout 24: F1 ≥ 0.95, clean flagged ≤ 5%', () => {
    const s = score(resolve(here, 'fixtures', 'holdout24.jsonl'));
    expect(s.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdouts 25–27 (100 posts each, 44/44/45 clean, dev mix) by three more writers who never saw the engine, measured after
  // round 15 before any change: F1 0.897 / 0.844 / 0.886, clean flagged 1/44, 0/44, 0/45; after a blind vocabulary round
  // 0.897 / 0.853 / 0.901. Round 16 fixed their misses by concept (0.980 / 0.994 / 0.980 after). Guard: after − margin.
  it.each(['holdout25', 'holdout26', 'holdout27'])('%s: F1 ≥ 0.95, clean flagged ≤ 5%%', (b) => {
    const s = score(resolve(here, 'fixtures', `${b}.jsonl`));
    expect(s.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdouts 28–29 (100 posts each, 44/45 clean) by two more writers, measured after round 16 before any change: F1 0.824
  // (a writer asked for hedged opinions, irony and rhetorical questions) and 0.942, 0/44 and 0/45 clean flagged. Round 17
  // fixed their misses by concept (0.959 / 0.975 after, rules + the round-16 booster). Guard: after − margin.
  // Holdout 30 (100 posts, 45 clean) by a writer asked to match the dev set's style closely, measured after round 17
  // before any change: F1 0.973, 0/45 clean flagged; round 18 fixed its four misses.
  it.each(['holdout28', 'holdout29', 'holdout30'])('%s: F1 ≥ 0.93, clean flagged ≤ 5%%', (b) => {
    const s = score(resolve(here, 'fixtures', `${b}.jsonl`));
    expect(s.f1).toBeGreaterThanOrEqual(0.93);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdouts 31–32 (100 posts each, 45 clean) by two more writers, measured after round 18 before any change: F1 0.884
  // (1/45 clean flagged) and 0.901 (4/45 clean flagged: the presumption of innocence, judges sworn in before the
  // President, "meni dana", a complaint's answer time). Round 19 fixed them by concept. Guard: after − margin.
  it.each(['holdout31', 'holdout32'])('%s: F1 ≥ 0.95, clean flagged ≤ 5%%', (b) => {
    const s = score(resolve(here, 'fixtures', `${b}.jsonl`));
    expect(s.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Holdouts 33–34 (100 posts each, 44 clean) by two more writers, measured after round 19 before any change: F1 0.957
  // (0/44 clean flagged) and 0.910 (1/44). Round 20 fixed part of their misses by concept. Guard: after − margin.
  // Holdout 35 (dev-style writer), measured after round 20 before any change: F1 0.979, 0/45; round 21 fixed two misses.
  // Holdout 36 (dev-style writer), measured after round 21 before any change: F1 0.946, 1/44; round 22 fixed it by concept.
  it.each(['holdout33', 'holdout34', 'holdout35', 'holdout36'])('%s: F1 ≥ 0.93, clean flagged ≤ 5%%', (b) => {
    const s = score(resolve(here, 'fixtures', `${b}.jsonl`));
    expect(s.f1).toBeGreaterThanOrEqual(0.93);
    expect(s.cleanFlagged).toBeLessThanOrEqual(0.05);
  });
  // Round-5 probes for the gap-tolerant templates (historic centre, "takes safety seriously", "blagovremeno", video-link
  // notices); one is flagged by the older pending.evaluative rule ("pointed out inconsistencies"), a known limit.
  it('round-5 clean probes: at most 1 of 16 flagged', () => {
    expect(score(resolve(here, 'fixtures', 'clean-lookalikes-r5.jsonl')).cleanFlagged).toBeLessThanOrEqual(1 / 16);
  });
  it('clean look-alikes (hearing notices, vacancies, outages, courtroom changes, schools, councils)', () => {
    expect(score(CLEAN_ONLY).cleanFlagged).toBeLessThanOrEqual(0.05);
  });
});
