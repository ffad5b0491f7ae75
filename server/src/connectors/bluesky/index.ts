export { createBlueskyConnector, BLUESKY_MANIFEST } from './bluesky.connector.js';
export type { BlueskyConnectorOptions } from './bluesky.http.js';
export { rkeyFor, graphemeLength, detectFacets } from './bluesky.text.js';
