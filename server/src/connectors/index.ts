import type { Connector, PlatformName } from './connector.js';

/**
 * Every connector Courtdesk knows, listed explicitly. A platform without a connector yet can still be
 * registered (the account register covers it), but nothing can be published or read through it.
 */
const registry = new Map<PlatformName, Connector>();

export function registerConnector(connector: Connector): void {
  registry.set(connector.manifest.name, connector);
}

export function getConnector(platform: PlatformName): Connector | null {
  return registry.get(platform) ?? null;
}

export function listConnectors(): Connector[] {
  return [...registry.values()];
}
