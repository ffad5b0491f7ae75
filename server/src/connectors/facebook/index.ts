export { createFacebookConnector, FACEBOOK_MANIFEST, type MetaConnectorOptions } from './facebook.connector.js';
