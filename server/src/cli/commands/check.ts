/**
 * `courtdesk check --jsonl FILE` — run the policy engine over a JSONL file, streaming.
 *
 * Input: one JSON object per line `{"id": string, "text": string, "lang"?: "sq"|"sr"|"en"|"tr"|"bs"}`
 * (other fields ignored; FILE "-" reads stdin). Output: one JSON object per non-blank input line,
 * in order: `{"id", "findings": [{article, severity, start, end, message, ruleId, excerpt, suggestion}]}`,
 * or `{"id": …|null, "error": "…"}` for a bad line. Blank lines are skipped (no output).
 * Exit code 0 whenever the file could be read, whatever was found.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { checkText, loadPendingCases, reloadPack, type CheckOptions, type Lang, type UiLang } from '../../features/policy/index.js';

const LANGS: readonly string[] = ['sq', 'sr', 'en', 'tr', 'bs'];
const UI: readonly string[] = ['sq', 'sr', 'en'];

/** Check one JSONL line; returns the output object (never throws). */
export function checkLine(line: string, opts: CheckOptions): Record<string, unknown> {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    return { id: null, error: `invalid JSON: ${(e as Error).message}` };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return { id: null, error: 'each line must be a JSON object' };
  const o = obj as Record<string, unknown>;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? o.id : null;
  if (typeof o.text !== 'string') return { id, error: 'missing "text" (a string)' };
  if (o.lang !== undefined && (typeof o.lang !== 'string' || !LANGS.includes(o.lang))) {
    return { id, error: `"lang" must be one of ${LANGS.join(', ')}` };
  }
  const findings = checkText(o.text, { ...opts, ...(o.lang ? { lang: o.lang as Lang } : {}) }).map((f) => ({
    article: f.article,
    severity: f.severity,
    start: f.start,
    end: f.end,
    message: f.message,
    ruleId: f.ruleId,
    excerpt: f.excerpt,
    suggestion: f.suggestion,
  }));
  return { id, findings };
}

async function write(s: string): Promise<void> {
  if (!process.stdout.write(s)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
}

/** Register the `check` subcommand on the courtdesk program. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Check posts against the policy pack (art. 4.1–4.8): JSONL in, one JSON result per line out')
    .requiredOption('--jsonl <file>', 'JSONL file of {"id","text","lang"?} objects ("-" = stdin)')
    .option('--lang-ui <lang>', 'language of messages: sq, sr or en', 'en')
    .option('--pack <dir>', 'policy pack folder (default: the Kosovo pack)')
    .option('--pending-cases <csv>', 'CSV of pending cases (case number, parties) for art. 4.3')
    .option('--decision-comment-allowed', 'permission to comment on decisions was granted (lifts art. 4.4c)')
    .action(async (o: { jsonl: string; langUi: string; pack?: string; pendingCases?: string; decisionCommentAllowed?: boolean }) => {
      if (!UI.includes(o.langUi)) {
        console.error(`check: --lang-ui must be one of ${UI.join(', ')}`);
        process.exitCode = 2;
        return;
      }
      {
        // The default pack too: a pack that cannot load must stop the run, never print "no findings".
        const r = reloadPack(o.pack);
        if (!r.ok) {
          console.error(`check: policy pack refused: ${r.error}`);
          process.exitCode = 2;
          return;
        }
      }
      const opts: CheckOptions = {
        uiLang: o.langUi as UiLang,
        ...(o.pendingCases ? { pendingCases: loadPendingCases(o.pendingCases) } : {}),
        ...(o.decisionCommentAllowed ? { permissions: { decisionComment: true } } : {}),
      };
      const input = o.jsonl === '-' ? process.stdin : createReadStream(o.jsonl, { encoding: 'utf8' });
      const ready = new Promise<void>((resolve, reject) => {
        if (o.jsonl === '-') resolve();
        else {
          input.once('open', () => resolve());
          input.once('error', reject);
        }
      });
      try {
        await ready;
      } catch (e) {
        console.error(`check: cannot read ${o.jsonl}: ${(e as Error).message}`);
        process.exitCode = 2;
        return;
      }
      const rl = createInterface({ input, crlfDelay: Infinity });
      for await (const raw of rl) {
        const line = raw.replace(/^\uFEFF/, '');
        if (line.trim().length === 0) continue;
        await write(`${JSON.stringify(checkLine(line, opts))}\n`);
      }
    });
}
