/** The parts of Bluesky lexicon objects the connector reads. */

export interface StrongRef {
  uri: string;
  cid: string;
}

export interface PostRecord {
  $type?: 'app.bsky.feed.post';
  text: string;
  createdAt: string;
  reply?: { root: StrongRef; parent: StrongRef };
}

export interface ProfileBasic {
  did: string;
  handle: string;
  displayName?: string;
  avatar?: string;
}

export interface ProfileDetailed extends ProfileBasic {
  description?: string;
  website?: string;
}

export interface PostView {
  uri: string;
  cid: string;
  author: ProfileBasic;
  record: PostRecord;
  indexedAt: string;
}

export interface Notification {
  uri: string;
  cid: string;
  author: ProfileBasic;
  reason: string;
  reasonSubject?: string;
  record: PostRecord;
  indexedAt: string;
}

export interface RecordEnvelope<T> {
  uri: string;
  cid: string;
  value: T;
}

export interface Threadgate {
  $type: 'app.bsky.feed.threadgate';
  post: string;
  createdAt: string;
  allow?: unknown[];
  hiddenReplies?: string[];
}

export interface ConvoView {
  id: string;
  members: ProfileBasic[];
  lastMessage?: { id: string; sentAt: string };
}

export interface MessageView {
  $type?: string;
  id: string;
  text: string;
  sender: { did: string };
  sentAt: string;
}

export const POST = 'app.bsky.feed.post';
export const THREADGATE = 'app.bsky.feed.threadgate';
