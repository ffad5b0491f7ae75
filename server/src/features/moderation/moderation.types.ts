/**
 * Public types of the comment moderation classifier (art. 3.7 of the manual: the responsible
 * officer removes insulting, derogatory and defamatory comments).
 */

/** What the officer should do with a comment. `review` only for genuinely uncertain cases. */
export type ModerationAction = 'remove' | 'review' | 'keep';

/** Why a comment breaks art. 3.7. */
export type ModerationCategory = 'insult' | 'slur' | 'threat' | 'defamation' | 'doxxing' | 'spam';

/** Languages the classifier and its explanations know. */
export type ModerationLang = 'sq' | 'sr' | 'en';

/** One reason behind an action: which words, which category, which rule. Offsets are UTF-16 into the comment. */
export interface ModerationReason {
  category: ModerationCategory;
  article: '3.7';
  /** Stable rule id, e.g. `insult.person-term`, `threat.phrase`, `defamation.named-accusation`. */
  rule: string;
  /** The words of the comment that triggered the rule (as written). */
  match: string;
  start: number;
  end: number;
  /** Human explanation in the UI language. */
  explanation: string;
}

/** Result of {@link classifyComment}. */
export interface ModerationResult {
  action: ModerationAction;
  categories: ModerationCategory[];
  reasons: ModerationReason[];
  lang: ModerationLang | 'und';
  /** 0..1 confidence that the comment must go (≥ 0.8 remove, 0.4–0.8 review). */
  score: number;
}

/** Options of {@link classifyComment}. */
export interface ClassifyOptions {
  /** Language of the comment when known (skips detection). */
  lang?: ModerationLang;
  /** Language of the explanations (default: the comment's language, else English). */
  uiLang?: ModerationLang;
  /** Use the learned booster when its model is loaded (default true; false = rules only). */
  booster?: boolean;
}

export const LEXICON_CATEGORIES = ['insult', 'slur', 'threat', 'defamation', 'doxxing', 'spam', 'context'] as const;
export type LexiconCategory = (typeof LEXICON_CATEGORIES)[number];

/** Roles allowed per lexicon category (see server/moderation-lexicons/README.md). */
export const LEXICON_ROLES = {
  insult: ['person', 'evaluative', 'animal', 'curse', 'profanity'],
  slur: ['slur'],
  threat: ['phrase', 'violence', 'weapon', 'cue', 'warning', 'knowwhere'],
  defamation: ['crime', 'assert', 'hedge', 'report'],
  doxxing: ['home', 'address', 'work', 'routine', 'place', 'vehicle', 'family', 'invite'],
  spam: ['commercial', 'strong', 'phishing', 'contact'],
  context: ['title', 'person', 'second', 'demonstrative', 'thing', 'meta', 'request', 'selfref', 'speech', 'benign'],
} as const satisfies Record<LexiconCategory, readonly string[]>;

/** One compiled lexicon entry (after expansion of alternatives and endings). */
export interface LexiconEntry {
  id: number;
  lang: ModerationLang;
  category: LexiconCategory;
  role: string;
  /** The term as written in the YAML file. */
  term: string;
  file: string;
  strictLang: boolean;
}

/** Summary of one loaded lexicon file. */
export interface LexiconFileInfo {
  file: string;
  lang: ModerationLang;
  category: LexiconCategory;
  source: string;
  entries: number;
  patterns: number;
}
