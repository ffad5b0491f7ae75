/**
 * Import of pending cases (art. 4.3): a CSV exported from the case-management system
 * (SMIL/CMIS) with a case-number column and an optional parties column ("A; B").
 * Passed as CheckOptions.pendingCases, a mention of such a case next to evaluative
 * language becomes a blocking finding (rule pending.imported-case).
 */
import { readFileSync } from 'node:fs';
import type { PendingCase } from './policy.types.js';

function splitCsvLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/**
 * Parse pending cases from CSV text. The header must name a case-number column
 * (case_number, caseNumber, case, nr, numri, broj) and may name a parties column
 * (parties, palet, palët, stranke); parties are separated by ";" or "|".
 */
export function parsePendingCasesCsv(csv: string): PendingCase[] {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0);
  if (lines.length === 0) return [];
  const sep = (lines[0]!.match(/;/g)?.length ?? 0) > (lines[0]!.match(/,/g)?.length ?? 0) ? ';' : ',';
  const header = splitCsvLine(lines[0]!, sep).map((h) => h.toLowerCase().replace(/[^a-zë]/g, ''));
  const ci = header.findIndex((h) => ['casenumber', 'case', 'nr', 'numri', 'broj', 'lenda', 'predmet'].includes(h));
  const pi = header.findIndex((h) => ['parties', 'palet', 'palët', 'stranke', 'party'].includes(h));
  if (ci < 0 && pi < 0) throw new Error('pending cases CSV: no case-number or parties column in the header');
  return lines.slice(1).map((l) => {
    const cols = splitCsvLine(l, sep);
    const c: PendingCase = {};
    if (ci >= 0 && cols[ci]) c.caseNumber = cols[ci];
    if (pi >= 0 && cols[pi])
      c.parties = cols[pi]!.split(/[;|]/)
        .map((s) => s.trim())
        .filter(Boolean);
    return c;
  });
}

/** Read a pending-cases CSV file (see {@link parsePendingCasesCsv}). */
export function loadPendingCases(file: string): PendingCase[] {
  return parsePendingCasesCsv(readFileSync(file, 'utf8'));
}
