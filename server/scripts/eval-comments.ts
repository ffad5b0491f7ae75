/**
 * `npm run eval:comments [-- --file F] [--json] [--rules-only]` — measure the moderation classifier on a labelled set
 * (default: ../shared/eval/comments-dev.jsonl from the repository root) with the judge's scoring:
 * caught = share of `remove` comments answered remove or review; wrongly removed = share of `keep`
 * comments answered remove; to review = share of all comments answered review. Lists the misses.
 * `--rules-only` switches the learned booster off (rules alone, for before/after comparisons).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyComment } from '../src/features/moderation/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const args = process.argv.slice(2);
const fileArg = args.indexOf('--file');
const file =
  fileArg >= 0 && args[fileArg + 1] ? resolve(process.cwd(), args[fileArg + 1]!) : resolve(repoRoot, '../shared/eval/comments-dev.jsonl');
if (!existsSync(file)) {
  console.error(`eval-comments: file not found: ${file}`);
  process.exit(1);
}

interface Row {
  id: string;
  lang?: 'sq' | 'sr' | 'en';
  text: string;
  expect: 'remove' | 'keep';
  categories?: string[];
}
const rows: Row[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

interface Tally {
  n: number;
  rem: number;
  caught: number;
  keep: number;
  wrong: number;
  review: number;
}
const tally = (): Tally => ({ n: 0, rem: 0, caught: 0, keep: 0, wrong: 0, review: 0 });
const all = tally();
const per = new Map<string, Tally>();
const misses: string[] = [];
const reviews: string[] = [];
const t0 = performance.now();
for (const r of rows) {
  const res = classifyComment(r.text, { booster: !args.includes('--rules-only') });
  const lang = r.lang ?? 'und';
  if (!per.has(lang)) per.set(lang, tally());
  for (const t of [all, per.get(lang)!]) {
    t.n++;
    if (res.action === 'review') t.review++;
    if (r.expect === 'remove') {
      t.rem++;
      if (res.action !== 'keep') t.caught++;
    } else {
      t.keep++;
      if (res.action === 'remove') t.wrong++;
    }
  }
  const why = res.reasons.map((x) => `${x.rule}:"${x.match}"`).join(', ');
  if (r.expect === 'remove' && res.action === 'keep') misses.push(`MISSED  ${r.id} [${(r.categories ?? []).join(',')}] ${r.text}`);
  if (r.expect === 'keep' && res.action === 'remove') misses.push(`WRONG   ${r.id} ${r.text}\n          ← ${why}`);
  if (res.action === 'review') reviews.push(`REVIEW  ${r.id} (${r.expect}) ${r.text}\n          ← ${why}`);
}
const ms = performance.now() - t0;
const pct = (a: number, b: number): string => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const line = (name: string, t: Tally): string =>
  `${name.padEnd(8)} n=${String(t.n).padStart(4)}  caught ${pct(t.caught, t.rem)} (${t.caught}/${t.rem})  wrongly removed ${pct(t.wrong, t.keep)} (${t.wrong}/${t.keep})  to review ${pct(t.review, t.n)} (${t.review}/${t.n})`;
console.log(`Moderation eval on ${file}`);
console.log('targets: caught ≥ 95%, wrongly removed ≤ 2%, to review ≤ 10%\n');
console.log(line('overall', all));
for (const [lang, t] of [...per.entries()].sort()) console.log(line(lang, t));
console.log(`\n${rows.length} comments in ${ms.toFixed(0)} ms (incl. lexicon load)`);
if (misses.length) console.log(`\nMisses (${misses.length}):\n${misses.join('\n')}`);
if (reviews.length) console.log(`\nSent to review (${reviews.length}):\n${reviews.join('\n')}`);
if (args.includes('--json')) console.log(JSON.stringify({ file, overall: all, perLang: Object.fromEntries(per) }));
