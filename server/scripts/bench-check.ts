/**
 * `npm run bench:check` — throughput and p99 latency of checkText on generated posts of ~300 and
 * ~3,000 characters (mixed sq / sr Latin + Cyrillic / en, built from a word pool — not the dev set),
 * on one core; the ratio against a naive baseline (one RegExp per term of the same lists, in the
 * same process); and a scaling check with lists inflated to thousands of synthetic terms.
 */
import { Bench } from 'tinybench';
import { checkText, getActivePack } from '../src/features/policy/index.js';
import { compileTerms, fold, normalize } from '../src/shared/text/index.js';

// ── deterministic generator ───────────────────────────────────────────────
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;

const POOL = {
  sq: 'gjykata themelore në prishtinë njofton publikun se seanca në lëndën e kontestit shtyhet për javën e ardhshme me kërkesë të palëve gjyqtari i çështjes dëgjoi dëshmitarët dhe ekspertin financiar aktgjykimi nuk është i formës së prerë palët kanë të drejtë ankese brenda pesëmbëdhjetë ditëve këshilli gjyqësor i kosovës shpall konkurs për zyrtarë ligjorë qytetarët mund të marrin informata në zyrën për informim sot u mbajt takimi me përfaqësuesit e shoqërisë civile'.split(
    ' ',
  ),
  sr: 'osnovni sud u prištini obaveštava javnost da je ročište u predmetu odloženo za sledeću nedelju na zahtev stranaka sudija je saslušao svedoke i veštaka presuda nije pravosnažna stranke imaju pravo na žalbu u roku od petnaest dana sudski savet kosova raspisuje konkurs za pravne saradnike građani mogu dobiti informacije u kancelariji za informisanje danas je održan sastanak sa predstavnicima civilnog društva'.split(
    ' ',
  ),
  cy: 'основни суд у приштини обавештава јавност да је рочиште у предмету одложено за следећу недељу на захтев странака судија је саслушао сведоке пресуда није правоснажна'.split(
    ' ',
  ),
  en: 'the basic court of prishtina informs the public that the hearing in the civil case is postponed until next week at the request of the parties the judge heard the witnesses and the financial expert the judgment is not final the parties may appeal within fifteen days the kosovo judicial council announces a vacancy for legal officers citizens can get information at the public information office today a meeting was held with civil society'.split(
    ' ',
  ),
  extra: [
    'P.nr. 1234/2024',
    'PKR.nr. 56/23',
    'C.br. 77/2025',
    'AC-I-23-0456',
    'gjyqesori-rks.org',
    '15 maj',
    '09:30',
    'L.A.',
    'B.R.',
    '2025',
    'KGJK',
    'SSK',
    'KJC',
    'nënshkruani',
    'peticionin',
    'mislim',
    'I think',
    'presuda',
    'aktgjykimi',
    'thank',
    'ministry',
    'sudija',
    'judge',
    'alarm',
    'popust',
    'votoni',
  ],
};

function sentence(): string {
  const lang = pick(['sq', 'sq', 'sr', 'cy', 'en', 'en'] as const);
  const n = 8 + Math.floor(rnd() * 14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rnd() < 0.06 ? pick(POOL.extra) : pick(POOL[lang]));
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function post(chars: number): string {
  let t = '';
  while (t.length < chars) t += (t ? ' ' : '') + sentence();
  return t.slice(0, chars);
}

const posts300 = Array.from({ length: 500 }, () => post(300));
const posts3000 = Array.from({ length: 100 }, () => post(3000));

// ── naive baseline: one RegExp per term over the same lists ──────────────
const pack = getActivePack();
const allTerms: string[] = [];
for (const l of pack.compiled.lists.values()) allTerms.push(...l.matcher.terms.map(String));
function naiveRegexes(terms: readonly string[]): RegExp[] {
  return terms.map((t) => {
    const stem = t.endsWith('*');
    const body = fold(t.replace(/^\*|\*$/g, '').replace(/\*/g, ''), { deobfuscateUrls: false }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![a-z0-9])${body}${stem ? '[a-z0-9]*' : '(?![a-z0-9])'}`, 'g');
  });
}
const naive = naiveRegexes(allTerms);
function naiveScan(res: readonly RegExp[], text: string): number {
  const n = normalize(text).text;
  let hits = 0;
  for (const re of res) {
    re.lastIndex = 0;
    while (re.exec(n) !== null) hits++;
  }
  return hits;
}
const matchers = [...pack.compiled.lists.values()].map((l) => l.matcher);
const union = pack.compiled.union.matcher;
function unionScan(text: string): number {
  return union.findAll(normalize(text)).length;
}
function acScan(text: string): number {
  const n = normalize(text);
  let hits = 0;
  for (const m of matchers) hits += m.findAll(n).length;
  return hits;
}

// ── run ───────────────────────────────────────────────────────────────────
type Res = { latency: { mean: number; p99: number }; throughput: { mean: number } };
async function measure(name: string, fn: () => void, time = 1500): Promise<Res & { name: string }> {
  const b = new Bench({ time, warmupTime: 300 });
  b.add(name, fn);
  await b.run();
  const r = b.tasks[0]!.result as unknown as Res;
  return { name, latency: r.latency, throughput: r.throughput };
}

let i300 = 0;
let i3000 = 0;
const rows: { task: string; 'posts/s': string; 'mean ms': string; 'p99 ms': string }[] = [];
const fmt = (r: Res & { name: string }) => ({
  task: r.name,
  'posts/s': Math.round(1000 / r.latency.mean).toLocaleString('en'),
  'mean ms': r.latency.mean.toFixed(4),
  'p99 ms': r.latency.p99.toFixed(4),
});

console.log(
  `Pack ${pack.id} ${pack.version}: ${pack.rules.length} rules, ${pack.compiled.lists.size} lists, ${allTerms.length} terms. Node ${process.version}, single thread.`,
);
const full300 = await measure('checkText 300 chars', () => void checkText(posts300[i300++ % posts300.length]!));
const full3000 = await measure('checkText 3,000 chars', () => void checkText(posts3000[i3000++ % posts3000.length]!));
const un300 = await measure('lists: one union automaton, 300', () => void unionScan(posts300[i300++ % posts300.length]!));
const ac300 = await measure('lists: automaton per list, 300', () => void acScan(posts300[i300++ % posts300.length]!));
const nv300 = await measure('lists: naive RegExp/term, 300', () => void naiveScan(naive, posts300[i300++ % posts300.length]!));
const un3000 = await measure('lists: one union automaton, 3,000', () => void unionScan(posts3000[i3000++ % posts3000.length]!));
const ac3000 = await measure('lists: automaton per list, 3,000', () => void acScan(posts3000[i3000++ % posts3000.length]!));
const nv3000 = await measure('lists: naive RegExp/term, 3,000', () => void naiveScan(naive, posts3000[i3000++ % posts3000.length]!));
for (const r of [full300, full3000, un300, ac300, nv300, un3000, ac3000, nv3000]) rows.push(fmt(r));
console.table(rows);
console.log(
  `Targets (300 chars): ≥ 5,000 posts/s → ${Math.round(1000 / full300.latency.mean).toLocaleString('en')} ${1000 / full300.latency.mean >= 5000 ? 'OK' : 'MISSED'}; p99 ≤ 2 ms → ${full300.latency.p99.toFixed(3)} ms ${full300.latency.p99 <= 2 ? 'OK' : 'MISSED'}`,
);
console.log(
  `Naive baseline (one RegExp per term) vs the union automaton on the same ${allTerms.length} terms: ${(nv300.latency.mean / un300.latency.mean).toFixed(1)}× slower at 300 chars, ${(nv3000.latency.mean / un3000.latency.mean).toFixed(1)}× slower at 3,000 chars (vs one automaton per list: ${(nv300.latency.mean / ac300.latency.mean).toFixed(1)}× / ${(nv3000.latency.mean / ac3000.latency.mean).toFixed(1)}×).`,
);
console.log(
  `Full checkText vs naive term scan alone: ${(nv300.latency.mean / full300.latency.mean).toFixed(1)}× (300), ${(nv3000.latency.mean / full3000.latency.mean).toFixed(1)}× (3,000).`,
);

// ── scaling: inflate a list with synthetic terms ──────────────────────────
console.log('\nScaling (one list inflated with synthetic terms, 3,000-char posts):');
const syll = ['ka', 'ri', 'mo', 'ste', 'vu', 'ne', 'lo', 'gji', 'dra', 'pe', 'zi', 'kor', 'ban', 'tel', 'mir'];
const synth = (n: number) =>
  Array.from({ length: n }, (_, k) => `${pick(syll)}${pick(syll)}${pick(syll)}${k.toString(36)}${rnd() < 0.3 ? '*' : ''}`);
const scale: Record<string, string>[] = [];
for (const n of [1_000, 5_000, 20_000]) {
  const terms = [...allTerms, ...synth(n)];
  const t0 = performance.now();
  const m = compileTerms(terms);
  const build = performance.now() - t0;
  const ac = await measure(`AC ${n}`, () => void m.findAll(normalize(posts3000[i3000++ % posts3000.length]!)), 800);
  const row: Record<string, string> = {
    terms: terms.length.toLocaleString('en'),
    'AC states': m.automaton.states.toLocaleString('en'),
    'AC build ms': build.toFixed(0),
    'AC mean ms': ac.latency.mean.toFixed(4),
  };
  if (n <= 5_000) {
    const res = naiveRegexes(terms);
    const nv = await measure(`naive ${n}`, () => void naiveScan(res, posts3000[i3000++ % posts3000.length]!), 800);
    row['naive mean ms'] = nv.latency.mean.toFixed(3);
    row['naive/AC'] = `${(nv.latency.mean / ac.latency.mean).toFixed(0)}×`;
  } else {
    row['naive mean ms'] = '(skipped: too slow)';
    row['naive/AC'] = '';
  }
  scale.push(row);
}
console.table(scale);
