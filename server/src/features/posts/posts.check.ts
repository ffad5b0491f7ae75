import type { ContentLang, Finding, UiLocale } from '@courtdesk/contracts';
import { checkDraft, type Lang } from '../policy/index.js';

/**
 * The compliance check of a post: the policy engine's findings (art. 3.11, 4.x) plus the languages
 * the institution requires that have no text yet.
 */
export interface PostCheck {
  findings: Finding[];
  missingLanguages: ContentLang[];
  blocking: Finding[];
}

export function checkPost(
  variants: Array<{ lang: string; text: string }>,
  requiredLanguages: ContentLang[],
  opts: { uiLang: UiLocale; decisionPermission: boolean },
): PostCheck {
  const filled = variants.filter((v) => v.text.trim().length > 0);
  const missingLanguages = requiredLanguages.filter((l) => !filled.some((v) => v.lang === l));
  let findings: Finding[] = [];
  try {
    findings = checkDraft(
      { variants: filled.map((v) => ({ lang: v.lang as Lang, text: v.text })), requiredLanguages: requiredLanguages as Lang[] },
      { uiLang: opts.uiLang, permissions: { decisionComment: opts.decisionPermission } },
    );
  } catch {
    // Fail closed: an engine that cannot check leaves a blocking finding, not a silent pass.
    findings = [
      {
        article: '4.1',
        ruleId: 'engine.unavailable',
        severity: 'block',
        variant: null,
        start: 0,
        end: 0,
        excerpt: '',
        message: 'The compliance check could not run.',
        suggestion: 'Try again; if it persists, tell the administrator.',
      },
    ];
  }
  return { findings, missingLanguages, blocking: findings.filter((f) => f.severity === 'block') };
}

/** The text sent to a platform: the variants one after another, required languages first. */
export function composeText(variants: Array<{ lang: string; text: string }>): string {
  return variants
    .map((v) => v.text.trim())
    .filter(Boolean)
    .join('\n\n');
}
