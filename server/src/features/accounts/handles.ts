import { RuleViolationError } from '../../platform/http/errors.js';

/**
 * Handles (art. 5.2, 5.11, 5.14, 5.17): what each platform allows, and the unified convention
 * ("@gjthprishtine", "@gjykataeapelit", "@gjykatasupreme") computed as a suggestion for every court.
 * The convention itself is data in the brand kit that an administrator can change.
 */
interface HandleRule {
  pattern: RegExp;
  /** Plain words for the refusal message. */
  allowed: string;
}

const RULES: Record<string, HandleRule> = {
  x: { pattern: /^[A-Za-z0-9_]{1,15}$/, allowed: 'letters, digits and underscores, at most 15 characters' },
  instagram: {
    pattern: /^(?!.*\.\.)(?!\.)(?!.*\.$)[A-Za-z0-9._]{1,30}$/,
    allowed: 'letters, digits, dots (not at the ends or twice) and underscores, at most 30 characters',
  },
  facebook: { pattern: /^[A-Za-z0-9.]{5,50}$/, allowed: 'letters, digits and dots, 5 to 50 characters' },
  youtube: { pattern: /^[A-Za-z0-9._-]{3,30}$/, allowed: 'letters, digits, dots, dashes and underscores, 3 to 30 characters' },
  linkedin: { pattern: /^[A-Za-z0-9-]{3,100}$/, allowed: 'letters, digits and dashes, 3 to 100 characters' },
  mastodon: {
    pattern: /^[A-Za-z0-9_]{1,30}(@[a-z0-9.-]+\.[a-z]{2,})?$/,
    allowed: 'letters, digits and underscores (optionally @server), at most 30 characters',
  },
  bluesky: {
    pattern: /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/,
    allowed: 'a domain name in lower case, e.g. gjyqesori.bsky.social',
  },
  sandbox: { pattern: /^[a-z0-9._-]{2,50}$/, allowed: 'lower-case letters, digits, dots, dashes and underscores, 2 to 50 characters' },
};
const OTHER: HandleRule = { pattern: /^[A-Za-z0-9._-]{1,100}$/, allowed: 'letters, digits, dots, dashes and underscores' };

/** Removes the leading @ that people type. */
export function normaliseHandle(handle: string): string {
  return handle.trim().replace(/^@/, '');
}

/** Refuses a handle with characters the platform forbids, naming the article of the handle convention. */
export function checkHandle(platform: string, handle: string): string {
  const h = normaliseHandle(handle);
  const rule = RULES[platform] ?? OTHER;
  if (!rule.pattern.test(h)) {
    throw new RuleViolationError(`“@${h}” is not a valid handle on ${platform}: use ${rule.allowed} (art. 5.2).`, '5.2', 'invalid_handle');
  }
  return h;
}

/** Folds Albanian and Serbian letters to plain ASCII for handles. */
export function asciiFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'dj')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/**
 * The suggested unified handle, following the manual's examples: "gjth" + seat for a Basic Court
 * (Gjykata Themelore) and its branches, "gjykata" + name for the others, "kgjk" for the Council;
 * shortened to 15 characters (X's limit) by using "gjk" where needed.
 */
export function suggestHandle(inst: { code: string; kind: string; seat: string; name_sq: string }): string {
  switch (inst.kind) {
    case 'council':
      return 'kgjk';
    case 'basic':
    case 'branch':
      return `gjth${asciiFold(inst.seat)}`.slice(0, 15);
    case 'appeals':
      return 'gjykataeapelit';
    case 'supreme':
      return 'gjykatasupreme';
    default: {
      const rest = asciiFold(inst.name_sq.replace(/^Gjykata\s+(e\s+)?/i, ''));
      const long = `gjykata${rest}`;
      return long.length <= 15 ? long : `gjk${rest}`.slice(0, 15);
    }
  }
}
