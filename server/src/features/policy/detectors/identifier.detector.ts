/**
 * `identifier`: structured personal data (art. 4.5) — Kosovo personal numbers, phones,
 * IBANs, licence plates, e-mail addresses, dates of birth, street addresses.
 * The court's own contacts (pack `official` section + CheckOptions.officialContacts) are skipped.
 */
import { z } from 'zod';
import { anyNear, type CheckContext, type Span } from './context.js';
import type { CompileEnv, DetectorKind } from './detector.types.js';

const params = z.strictObject({
  type: z.enum(['personalNumber', 'phone', 'iban', 'plate', 'email', 'dateOfBirth', 'streetAddress']),
  /** Context lists: for personalNumber they make any 10-digit number count; for dateOfBirth and streetAddress they are required. */
  near: z.array(z.string()).default([]),
  window: z.number().int().min(0).max(50).default(6),
  /** A term of these lists within `unlessWindow` tokens lifts the match ("the court's official number 028 …"). */
  unless: z.array(z.string()).default([]),
  unlessWindow: z.number().int().min(0).max(20).default(4),
});

export type IdentifierParams = z.infer<typeof params>;

const PERSONAL = /(?<![\d+/.,])\d(?:[ -]?\d){9}(?![\d/]|[.,]\d)/g;
const PHONE =
  /(?<![\w+/.,])(?:(?:\+|00)\s?(?:383|381|377|386)(?:[ \-/]?\(?0?\)?)?(?:[ \-/]?\d){7,9}|0\d{2}(?:[ \-/]?\d){6,8})(?![\d/]|[.,]\d)/g;
/** A neighbourhood with a block or entrance number ("lagjen Dardania, blloku 2", "naselje Sunčani breg, ulaz 3") — round 16. */
const NEIGHBOURHOOD =
  /(?<![\p{L}])(?:Lagjja|Lagja|Lagjen|Lagjes|Naselje|Naselju|Насеље|Насељу)\s+(?:['"‘’“”„«]?[\p{L}][\p{L}'’.-]*['"‘’“”»]?[\s,]{1,2}){1,3}?(?:nr\.?|br\.?|no\.?|blloku|blloki|blok|lamela|hyrja|ulaz|улаз|блок|kati|sprat|stan|banesa)\s?\d{1,4}[A-Za-z]?(?![\d])/giu;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b/g;
const PLATE = /(?<![\w-])(?:0[1-7][ -]?\d{3}[ -]?[A-Q]{2}|\d{3}[ -]?KS[ -]?\d{3})(?![\w-])/g;
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;
const DATE = /(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}|\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?!\d)/g;
const STREET =
  /(?<![\p{L}])(?:Rr|Rruga|Rrugën|Rrugës|Ul|Ulica|Ulici|Ulicu|Ulice|Str|Street|St|Bul|Bulevardi|Bulevar|Ул|Улица|Улици|Улицу|Улице|ул)\.?\s+(?:['"‘’“”„«]?[\p{L}\d][\p{L}\d'’.-]*['"‘’“”»]?[\s,]{1,2}){0,4}?(?:(?:nr\.?|br\.?|no\.?)\s?)?(?:\d{1,4}[A-Za-z]?|[A-Z]\d{1,3})(?![\d])(?:[\s,]+(?:hyrja|ulaz|stan|kati|sprat|banesa|nr\.?|br\.?)\s?\d{1,3})?/giu;

function digits(s: string): string {
  return s.replace(/\D/g, '');
}

/** Unofficial Kosovo personal-number check digit (domain notes §3; numbers starting with 9 exempt). */
export function personalNumberChecksumOk(d: string): boolean {
  if (d.length !== 10) return false;
  if (d[0] === '9') return true;
  const w = [4, 3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * w[i]!;
  let check = 11 - (sum % 11);
  if (check >= 10) check = 0;
  return check === Number(d[9]);
}

/** ISO 13616 mod-97 check. */
export function ibanOk(raw: string): boolean {
  const s = raw.replace(/ /g, '');
  if (s.length < 15 || s.length > 34) return false;
  const r = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const c of r) {
    const v = c >= 'A' && c <= 'Z' ? String(c.charCodeAt(0) - 55) : c;
    for (const dch of v) rem = (rem * 10 + Number(dch)) % 97;
  }
  return rem === 1;
}

function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = re.exec(text)) !== null && guard++ < 2000) fn(m);
}

function officialPhones(env: CompileEnv, ctx: CheckContext): string[] {
  return [...env.officialPhones, ...(ctx.opts.officialContacts?.phones ?? []).map(digits)].map((d) => d.slice(-8));
}

function isOfficialEmail(email: string, env: CompileEnv, ctx: CheckContext): boolean {
  const e = email.toLowerCase();
  if ((ctx.opts.officialContacts?.emails ?? []).some((x) => x.toLowerCase() === e)) return true;
  const host = e.slice(e.indexOf('@') + 1);
  const domains = [...env.officialDomains, ...(ctx.opts.officialContacts?.domains ?? [])].map((d) => d.toLowerCase());
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

export const identifierDetector: DetectorKind<IdentifierParams> = {
  kind: 'identifier',
  params,
  lists: (p) => [...p.near, ...p.unless],
  compile(p, env) {
    return {
      run(ctx: CheckContext): Span[] {
        const text = ctx.original;
        const out: Span[] = [];
        // cheap prefilters: most posts have no '@', no long digit runs, no capitals pairs
        if (p.type === 'email' && !text.includes('@')) return out;
        if (
          (p.type === 'personalNumber' ||
            p.type === 'phone' ||
            p.type === 'iban' ||
            p.type === 'plate' ||
            p.type === 'dateOfBirth' ||
            p.type === 'streetAddress') &&
          !/\d/.test(text)
        )
          return out;
        if (p.type === 'dateOfBirth' && ctx.union(p.near).length === 0) return out;
        const near = (s: Span): boolean => p.near.length > 0 && anyNear(ctx.union(p.near), s, p.window);
        switch (p.type) {
          case 'personalNumber':
            each(PERSONAL, text, (m) => {
              const d = digits(m[0]);
              const s = ctx.span(m.index, m.index + m[0].length, 'personalNumber');
              const plain = d === m[0];
              if (near(s) || (d[0] !== '0' && (plain || personalNumberChecksumOk(d)))) out.push(s);
            });
            break;
          case 'phone': {
            const official = officialPhones(env, ctx);
            each(PHONE, text, (m) => {
              const d = digits(m[0]);
              const national = d.replace(/^(?:00)?(?:383|381|377|386)0?/, '');
              // a national number: Kosovo's 9-digit 02x–04x, or a Serbian operator's mobile 06x written in groups (used by many Kosovo Serbs; 9–10 digits)
              if (
                m[0].startsWith('0') &&
                !m[0].startsWith('00') &&
                !((d.length === 9 && /^0[2-4]/.test(d)) || (/^06\d/.test(d) && d.length >= 9 && d.length <= 10 && m[0] !== d))
              )
                return;
              if (/^0?38200/.test(d) || /^0?38200/.test(national)) return; // government PBX (official)
              const sig = national.replace(/^0/, ''); // significant digits, without the national trunk 0
              if (sig.length < 7 || sig.length > 9) return;
              if (official.includes(d.slice(-8))) return;
              out.push(ctx.span(m.index, m.index + m[0].length, 'phone'));
            });
            break;
          }
          case 'iban':
            each(IBAN, text, (m) => {
              if (m[0].startsWith('XK') || ibanOk(m[0])) out.push(ctx.span(m.index, m.index + m[0].length, 'iban'));
            });
            break;
          case 'plate':
            each(PLATE, text, (m) => out.push(ctx.span(m.index, m.index + m[0].length, 'plate')));
            break;
          case 'email':
            each(EMAIL, text, (m) => {
              if (!isOfficialEmail(m[0], env, ctx)) out.push(ctx.span(m.index, m.index + m[0].length, 'email'));
            });
            break;
          case 'dateOfBirth':
            each(DATE, text, (m) => {
              const s = ctx.span(m.index, m.index + m[0].length, 'dateOfBirth');
              if (near(s)) out.push(s);
            });
            break;
          case 'streetAddress':
            for (const re of [STREET, NEIGHBOURHOOD])
              each(re, text, (m) => {
                const s = ctx.span(m.index, m.index + m[0].length, 'streetAddress');
                if (p.near.length === 0 || near(s)) out.push(s);
              });
            break;
        }
        if (p.unless.length > 0 && out.length > 0) {
          const unless = ctx.union(p.unless);
          if (unless.length > 0) return out.filter((s) => !anyNear(unless, s, p.unlessWindow));
        }
        return out;
      },
    };
  },
};
