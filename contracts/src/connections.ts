import { z } from 'zod';

/**
 * The connection of an account to its platform's API: the connector's credential fields (tokens…),
 * sealed on the server and never sent back. Only whether it is connected, which fields are set, by
 * whom and when are shown.
 */
export const ConnectionField = z.object({
  key: z.string(),
  label: z.string(),
  secret: z.boolean(),
  required: z.boolean(),
  /** A value is stored for this field (never the value itself). */
  set: z.boolean(),
});
export type ConnectionField = z.infer<typeof ConnectionField>;

export const AccountConnection = z.object({
  accountId: z.string(),
  platform: z.string(),
  /** The platform's connector asks for credentials (false for the sandbox and platforms without a connector). */
  needed: z.boolean(),
  connected: z.boolean(),
  fields: z.array(ConnectionField),
  setBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  setAt: z.string().nullable(),
  /** The signed-in person may set or remove it (admin level on the account by the decisions in force). */
  canManage: z.boolean(),
});
export type AccountConnection = z.infer<typeof AccountConnection>;

export const SetConnectionBody = z.object({
  values: z.record(z.string().min(1).max(64), z.string().max(8_000)),
});
export type SetConnectionBody = z.infer<typeof SetConnectionBody>;

/** The result of trying the connection (reading the profile with the stored credentials). */
export const ConnectionCheck = z.object({
  ok: z.boolean(),
  /** The connector's error code when not ok (`not_connected`, `token_expired`, `permission_missing`…). */
  code: z.string().nullable(),
  message: z.string().nullable(),
  checkedAt: z.string(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;
