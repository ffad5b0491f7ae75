export { createInstagramConnector, INSTAGRAM_MANIFEST, type InstagramConnectorOptions, type MediaHost } from './instagram.connector.js';
