/**
 * `npm run eval:posts` — run the policy engine over a labelled JSONL set and print precision,
 * recall and F1 per article and overall (over (post, article) pairs, any severity), the share of
 * clean posts with any finding, and the misses / false positives with ids.
 * Usage: eval-posts.ts [--file path.jsonl] [--quiet]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkText, type Lang } from '../src/features/policy/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const fileArg = args.indexOf('--file');
const quiet = args.includes('--quiet');
const candidates =
  fileArg >= 0 && args[fileArg + 1]
    ? [resolve(process.cwd(), args[fileArg + 1]!)]
    : [resolve(here, '../../../shared/eval/posts-dev.jsonl'), resolve(here, '../../shared/eval/posts-dev.jsonl')];
const file = candidates.find((f) => existsSync(f));
if (!file) {
  console.error(`eval-posts: no data set found (tried ${candidates.join(', ')})`);
  process.exit(0);
}

interface Row {
  id: string;
  lang?: Lang;
  text: string;
  expect: string[];
}
const rows: Row[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

const stats = new Map<string, { tp: number; fp: number; fn: number }>();
const stat = (a: string) => stats.get(a) ?? (stats.set(a, { tp: 0, fp: 0, fn: 0 }), stats.get(a)!);
const misses: string[] = [];
const fps: string[] = [];
let clean = 0;
let cleanFlagged = 0;
const t0 = performance.now();
for (const r of rows) {
  const findings = checkText(r.text, r.lang ? { lang: r.lang } : {});
  const got = new Set(findings.map((f) => f.article));
  const want = new Set(r.expect);
  if (want.size === 0) {
    clean++;
    if (got.size > 0) cleanFlagged++;
  }
  for (const a of new Set([...got, ...want])) {
    const s = stat(a);
    if (got.has(a) && want.has(a)) s.tp++;
    else if (got.has(a)) {
      s.fp++;
      const f = findings
        .filter((x) => x.article === a)
        .map((x) => `${x.ruleId} «${x.excerpt}»`)
        .join('; ');
      fps.push(`FP ${r.id} [${a}] ${f}\n     ${r.text}`);
    } else {
      s.fn++;
      misses.push(`MISS ${r.id} [${a}] ${r.text}`);
    }
  }
}
const ms = performance.now() - t0;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
console.log(`Data set: ${file} (${rows.length} posts, ${clean} clean) — checked in ${ms.toFixed(0)} ms`);
console.log('article  tp  fp  fn  precision  recall  F1');
let T = 0,
  P = 0,
  N = 0;
for (const a of [...stats.keys()].sort()) {
  const s = stats.get(a)!;
  T += s.tp;
  P += s.fp;
  N += s.fn;
  const p = s.tp / (s.tp + s.fp);
  const r = s.tp / (s.tp + s.fn);
  console.log(
    `${a.padEnd(7)} ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}  ${pct(p).padStart(9)}  ${pct(r).padStart(6)}  ${pct(f1(p, r))}`,
  );
}
const P0 = T / (T + P);
const R0 = T / (T + N);
console.log(
  `overall  ${String(T).padStart(3)} ${String(P).padStart(3)} ${String(N).padStart(3)}  ${pct(P0).padStart(9)}  ${pct(R0).padStart(6)}  ${pct(f1(P0, R0))}`,
);
console.log(`clean posts with any finding: ${cleanFlagged}/${clean} = ${((100 * cleanFlagged) / Math.max(1, clean)).toFixed(1)}%`);
if (!quiet) {
  if (misses.length) console.log(`\n${misses.join('\n')}`);
  if (fps.length) console.log(`\n${fps.join('\n')}`);
}
