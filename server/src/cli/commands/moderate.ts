/**
 * `courtdesk moderate --jsonl FILE` — classify comments line by line (streamed) and print one
 * JSON line per input, in order: `{"id","action","categories","reasons"}`, or `{"id","error"}`
 * for a line that cannot be read. Exit 0 when it ran, whatever the comments.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { classifyComment, type ModerationLang } from '../../features/moderation/index.js';

const LANGS = new Set(['sq', 'sr', 'en']);

/** Classify one JSONL line; never throws. */
export function moderateLine(line: string, lineNo: number, uiLang?: ModerationLang): string {
  // As `courtdesk check` does: a line whose id cannot be read answers with `"id": null` (output stays in input order).
  void lineNo;
  let id: string | null = null;
  try {
    const obj: unknown = JSON.parse(line);
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return JSON.stringify({ id, error: 'line is not a JSON object' });
    const o = obj as Record<string, unknown>;
    if (typeof o.id === 'string' || typeof o.id === 'number') id = String(o.id);
    if (typeof o.text !== 'string') return JSON.stringify({ id, error: 'missing "text" (string)' });
    const lang = typeof o.lang === 'string' && LANGS.has(o.lang) ? (o.lang as ModerationLang) : undefined;
    const r = classifyComment(o.text, { lang, uiLang });
    return JSON.stringify({ id, action: r.action, categories: r.categories, reasons: r.reasons });
  } catch (e) {
    return JSON.stringify({ id, error: e instanceof SyntaxError ? `invalid JSON: ${e.message}` : String(e) });
  }
}

/** Register the `moderate` subcommand. */
export function registerModerate(program: Command): void {
  program
    .command('moderate')
    .description('Classify public comments by art. 3.7 (remove / review / keep) from a JSONL file')
    .requiredOption('--jsonl <file>', 'one JSON object per line: {"id","text","lang"?} ("-" = stdin)')
    .option('--ui-lang <lang>', 'language of the explanations: sq, sr or en')
    .action(async (opts: { jsonl: string; uiLang?: string }) => {
      const uiLang = opts.uiLang && LANGS.has(opts.uiLang) ? (opts.uiLang as ModerationLang) : undefined;
      const input = opts.jsonl === '-' ? process.stdin : createReadStream(opts.jsonl, { encoding: 'utf8' });
      const rl = createInterface({ input, crlfDelay: Infinity });
      let n = 0;
      try {
        for await (const line of rl) {
          n++;
          if (line.trim() === '') continue;
          const out = moderateLine(line, n, uiLang);
          if (!process.stdout.write(out + '\n')) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
        }
      } catch (e) {
        console.error(`moderate: cannot read ${opts.jsonl}: ${(e as Error).message}`);
        process.exitCode = 2;
      }
    });
}
