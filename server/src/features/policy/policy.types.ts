/**
 * Public types of the policy engine (pre-publication check of posts against the manual).
 */

/** Language of a post variant. */
export type Lang = 'sq' | 'sr' | 'en' | 'tr' | 'bs';
/** Language of the user interface (messages and suggestions). */
export type UiLang = 'sq' | 'sr' | 'en';
/** Severity: `block` stops publication; `warn` needs a reasoned override. */
export type Severity = 'block' | 'warn';

/** One problem found in a text, with UTF-16 offsets into the ORIGINAL text of its variant. */
export interface Finding {
  /** Article of the manual, e.g. "4.4a". */
  article: string;
  /** Id of the pack rule that fired, e.g. "parties.support". */
  ruleId: string;
  severity: Severity;
  /** Language code of the variant (checkDraft) or the `variant` option (checkText), else null. */
  variant: string | null;
  start: number;
  end: number;
  /** The words at fault (original text between start and end, capped at 200 chars). */
  excerpt: string;
  message: string;
  suggestion: string;
}

/** A pending case imported from the case-management export (see loadPendingCases). */
export interface PendingCase {
  caseNumber?: string;
  parties?: string[];
}

/** Options of checkText / checkDraft. */
export interface CheckOptions {
  uiLang?: UiLang;
  /** `decisionComment: true` = prior permission recorded as a decision (lifts art. 4.4c). */
  permissions?: { decisionComment?: boolean };
  /** The institution's own contacts, never reported as personal data. */
  officialContacts?: { phones?: string[]; emails?: string[]; domains?: string[] };
  pendingCases?: PendingCase[];
  /** Keep every rule's finding even when another finding of the same article covers the same words (rule tests, diagnostics). */
  everyRule?: boolean;
}

/** A post with its language variants, for checkDraft. */
export interface Draft {
  variants: { lang: Lang; text: string }[];
  requiredLanguages: Lang[];
}
