/**
 * One small interface per social platform, shaped like Kysely's `Dialect`: a manifest of what the
 * platform can do, and a handful of methods returning normalised results. Platform code lives in
 * `connectors/<platform>/`; everything else in Courtdesk talks only to this interface.
 * See ../shared/platforms/platform-apis.md for what each real platform can and cannot do.
 */

export type PlatformName = 'sandbox' | 'facebook' | 'instagram' | 'x' | 'youtube' | 'linkedin' | 'mastodon' | 'bluesky';

export interface ConnectorCapabilities {
  textPost: boolean;
  imagePost: boolean;
  videoPost: boolean;
  deletePost: boolean;
  listComments: boolean;
  hideComment: boolean;
  deleteComment: boolean;
  replyComment: boolean;
  commentWebhook: boolean;
  privateMessages: boolean;
  /** The platform has its own instant/away reply that we can set through the API. */
  nativeAutoReply: boolean;
  readProfile: boolean;
  editProfile: boolean;
  listRoles: boolean;
}

export interface ConnectorLimits {
  /** Maximum characters of a post's text (X 280, LinkedIn 3,000, Facebook 63,206…). */
  maxTextLength: number;
  maxImages: number;
  maxImageBytes: number;
  /** For YouTube: the title limit; the text goes to the description. */
  maxTitleLength?: number;
}

export interface ConnectorManifest {
  name: PlatformName;
  displayName: string;
  capabilities: ConnectorCapabilities;
  limits: ConnectorLimits;
  /** Plain-words notes for officers (e.g. "auto-replies only within 24 h of the person's last message"). */
  notes: string[];
  /**
   * What the connector needs in `AccountRef.credentials` to act on an account (an OAuth access token,
   * an instance URL…). The UI asks for these when an account is connected; secret ones are sealed and
   * never shown again. Absent or empty: the connector needs none (the sandbox).
   */
  credentialFields?: CredentialField[];
}

export interface CredentialField {
  /** Key in `AccountRef.credentials`, e.g. `accessToken`. */
  key: string;
  /** Plain-words label in English; the web translates known keys. */
  label: string;
  /** Sealed and never shown again once saved. */
  secret: boolean;
  required: boolean;
}

/** The account a call acts on: the register's row plus its (decrypted) credentials. */
export interface AccountRef {
  accountId: string;
  platform: PlatformName;
  /** The platform's own id for the page/channel/profile. */
  externalId: string;
  handle: string;
  credentials: Record<string, unknown>;
}

export interface MediaInput {
  kind: 'image' | 'video';
  mime: string;
  bytes: Buffer;
  altText?: string;
}

export interface PublishInput {
  /** Unique per (post, account, attempt-independent): the platform must not create twice for the same key. */
  idempotencyKey: string;
  text: string;
  title?: string;
  link?: string;
  media: MediaInput[];
}

export interface PublishedRef {
  externalId: string;
  url: string;
  publishedAt: string;
}

export interface ExternalComment {
  externalId: string;
  postExternalId: string | null;
  authorHandle: string;
  authorName: string;
  text: string;
  createdAt: string;
  hidden: boolean;
  /** The court's own comment (never moderated, never auto-replied). */
  fromAccount: boolean;
}

export interface ExternalMessage {
  externalId: string;
  conversationId: string;
  senderHandle: string;
  senderName: string;
  text: string;
  createdAt: string;
  /** Sent by the court's own account. */
  fromAccount: boolean;
}

export interface ExternalProfile {
  displayName: string;
  handle: string;
  description: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  /** Raw bytes of the profile picture, when the platform exposes it. */
  picture: Buffer | null;
  /** The platform's own instant reply to messages, when readable. */
  autoReplyText: string | null;
}

export interface ExternalRole {
  /** The platform's user id, or e-mail where that is what the platform shows. */
  externalUserId: string;
  name: string;
  email: string | null;
  role: 'admin' | 'editor' | 'moderator' | 'analyst' | 'other';
}

export interface RateLimitState {
  remaining: number | null;
  resetAt: string | null;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null when done. */
  cursor: string | null;
}

/**
 * Thrown by every connector method. `retryable` says whether trying again later may succeed
 * (429, 5xx, timeouts); `retryAfterMs` honours the platform's rate-limit headers; `platformMessage`
 * is the platform's own words, shown to the officer in plain language with our explanation.
 */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly opts: {
      retryable: boolean;
      code: string;
      platformMessage?: string;
      retryAfterMs?: number;
      /** For writes that timed out: the platform may have done it; reconcile before retrying. */
      maybeApplied?: boolean;
    },
  ) {
    super(message);
  }
  get retryable(): boolean {
    return this.opts.retryable;
  }
}

export class UnsupportedByPlatformError extends ConnectorError {
  constructor(platform: string, what: string) {
    super(`${platform} does not allow ${what} through its API.`, { retryable: false, code: 'unsupported' });
  }
}

export interface Connector {
  readonly manifest: ConnectorManifest;
  publish(account: AccountRef, input: PublishInput): Promise<PublishedRef>;
  /** Finds a post already created with this idempotency key (to reconcile after a crash); null if none. */
  findByIdempotencyKey(account: AccountRef, idempotencyKey: string): Promise<PublishedRef | null>;
  deletePost(account: AccountRef, externalId: string): Promise<void>;
  listComments(account: AccountRef, opts: { since?: string; cursor?: string | null }): Promise<Page<ExternalComment>>;
  hideComment(account: AccountRef, externalId: string, hidden: boolean): Promise<void>;
  deleteComment(account: AccountRef, externalId: string): Promise<void>;
  replyToComment(account: AccountRef, externalId: string, text: string): Promise<{ externalId: string }>;
  listMessages(account: AccountRef, opts: { since?: string; cursor?: string | null }): Promise<Page<ExternalMessage>>;
  sendMessage(account: AccountRef, conversationId: string, text: string): Promise<{ externalId: string }>;
  getProfile(account: AccountRef): Promise<ExternalProfile>;
  listRoles(account: AccountRef): Promise<ExternalRole[]>;
  rateLimit(account: AccountRef): Promise<RateLimitState>;
}
