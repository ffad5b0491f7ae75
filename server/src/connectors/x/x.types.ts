/** The parts of X API v2 objects the connector reads (docs.x.com data dictionary). */

export interface XUrlEntity {
  start: number;
  end: number;
  url: string;
  expanded_url?: string;
  display_url?: string;
  media_key?: string;
}

export interface XTweet {
  id: string;
  text: string;
  author_id?: string;
  created_at?: string;
  conversation_id?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: 'replied_to' | 'quoted' | 'retweeted'; id: string }[];
  entities?: { urls?: XUrlEntity[]; mentions?: { start: number; end: number; username: string; id?: string }[] };
}

export interface XUser {
  id: string;
  name: string;
  username: string;
  description?: string;
  location?: string;
  url?: string;
  profile_image_url?: string;
  entities?: { url?: { urls?: XUrlEntity[] }; description?: { urls?: XUrlEntity[] } };
}

export interface XDmEvent {
  id: string;
  event_type: string;
  text?: string;
  sender_id?: string;
  dm_conversation_id?: string;
  created_at?: string;
}

/** A list answer: `data` is absent when nothing matched. */
export interface XList<T> {
  data?: T[];
  includes?: { users?: XUser[] };
  meta?: { result_count?: number; next_token?: string; newest_id?: string; oldest_id?: string };
  errors?: unknown[];
}

export const TWEET_FIELDS = 'author_id,created_at,conversation_id,in_reply_to_user_id,referenced_tweets,entities';
export const USER_FIELDS = 'username,name';
