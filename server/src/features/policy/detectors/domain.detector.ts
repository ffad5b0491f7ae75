/**
 * `domain`: links to listed sites (party or petition domains, also obfuscated "pdk [dot] info"
 * — the base normalisation rewrites those), links whose host or path contains a listed token
 * ("nisma-ks.com", "goo.gl/srpska-lista", "potpisi.org"), and shortened links near a cue.
 */
import { z } from 'zod';
import { anyNear, type CheckContext, type Span } from './context.js';
import type { DetectorKind } from './detector.types.js';
import { urlSpans } from './virtual.js';

const params = z.strictObject({
  /** Lists of domains (matched as words: "pdk.info" also in "www.pdk.info/x"). */
  domains: z.array(z.string()).default([]),
  /** Lists of tokens looked for in host labels and path segments (a token of 5+ letters may be a prefix). */
  tokens: z.array(z.string()).default([]),
  /** Lists of URL-shortener hosts, reported when a `near` cue is within `window` tokens. */
  shorteners: z.array(z.string()).default([]),
  near: z.array(z.string()).default([]),
  window: z.number().int().min(0).max(200).default(15),
});

export type DomainParams = z.infer<typeof params>;

function hasToken(url: string, tokens: readonly string[]): boolean {
  const parts = url
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .split(/[./\-_?=&#]+/)
    .filter(Boolean);
  for (const part of parts) {
    for (const t of tokens) {
      if (part === t || (t.length >= 5 && part.startsWith(t)) || (t.length >= 6 && part.includes(t))) return true;
    }
  }
  return false;
}

export const domainDetector: DetectorKind<DomainParams> = {
  kind: 'domain',
  params,
  lists: (p) => [...p.domains, ...p.tokens, ...p.shorteners, ...p.near],
  compile(p, env) {
    const tokens = p.tokens.flatMap((l) => env.listTerms(l)).map((t) => t.replace(/\*$/, ''));
    const shorteners = new Set(p.shorteners.flatMap((l) => env.listTerms(l)));
    const official = env.officialDomains;
    return {
      run(ctx: CheckContext): Span[] {
        const out: Span[] = p.domains.length > 0 ? [...ctx.union(p.domains)] : [];
        if (tokens.length === 0 && shorteners.size === 0) return out;
        const extra = [...official, ...(ctx.opts.officialContacts?.domains ?? [])];
        for (const u of urlSpans(ctx)) {
          const host = u.url
            .replace(/^https?:\/\//, '')
            .split('/')[0]!
            .replace(/^www\./, '');
          if (extra.some((d) => host === d || host.endsWith(`.${d}`))) continue;
          if (tokens.length > 0 && hasToken(u.url, tokens)) out.push(u.span);
          else if (shorteners.has(host) && p.near.length > 0 && anyNear(ctx.union(p.near), u.span, p.window)) out.push(u.span);
        }
        return out;
      },
    };
  },
};
