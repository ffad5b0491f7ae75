import type { InboxLang, ModerationAction, ModerationReason } from '@courtdesk/contracts';
import type { ClassifyOptions, ModerationResult } from '../moderation/moderation.types.js';
import { classifyComment } from '../moderation/moderation.classifier.js';
import { replyLanguageOf } from './autoreply.texts.js';

/** What the inbox keeps of a classification. */
export interface Verdict {
  verdict: ModerationAction;
  categories: string[];
  reasons: ModerationReason[];
  score: number;
  lang: InboxLang;
}

export type ClassifyFn = (text: string, opts?: ClassifyOptions) => ModerationResult;

/**
 * Classifies one comment or message with the moderation classifier (art. 3.7). Never throws: a
 * classifier failure sends the item to review (fail safe — a person looks at it) with the error
 * as its reason, rather than losing it or leaving it unexamined.
 */
export function classifyItem(text: string, classify: ClassifyFn = classifyComment): Verdict {
  const lang = safeLang(text);
  try {
    const r = classify(text, { uiLang: 'en' });
    return { verdict: r.action, categories: [...r.categories], reasons: r.reasons.map((x) => ({ ...x })), score: r.score, lang };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      verdict: 'review',
      categories: [],
      reasons: [
        {
          category: 'review',
          article: '3.7',
          rule: 'inbox.classifier-failed',
          match: '',
          start: 0,
          end: 0,
          explanation: `The classifier could not read this text (${message.slice(0, 200)}); an officer should look at it.`,
        },
      ],
      score: 0.5,
      lang,
    };
  }
}

function safeLang(text: string): InboxLang {
  try {
    return replyLanguageOf(text);
  } catch {
    return 'und';
  }
}
