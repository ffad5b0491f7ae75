import type { AccountRights } from '../decisions/rights.js';

/**
 * The password of an official account is accessible only to the Responsible Officer and the court
 * president (art. 5.10, 5.13, 5.16): in Courtdesk, those whose decisions give admin level (the `vault`
 * right) — computed from the decisions in force, never from a toggle.
 */
export function canOpenVault(rights: Pick<AccountRights, 'vault'>): boolean {
  return rights.vault;
}

/** Setting or rotating a secret needs the same right as reading it. */
export const canWriteVault = canOpenVault;

/** An opening must say why (it is shown to inspectors); a short phrase is enough. */
export function validReason(reason: string): boolean {
  return reason.trim().length >= 5;
}
