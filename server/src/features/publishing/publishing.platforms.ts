import type { PlatformInfo } from '@courtdesk/contracts';
import type { ConnectorLimits } from '../../connectors/connector.js';
import { listConnectors } from '../../connectors/index.js';
import type { Db } from '../../platform/db/database.js';

/**
 * Published limits of platforms that have no connector yet (../shared/platforms/platform-apis.md), so
 * the composer can preview them honestly; a registered connector's manifest always wins.
 */
const KNOWN: Record<string, { displayName: string; limits: ConnectorLimits; textPost: boolean; imagePost: boolean }> = {
  facebook: {
    displayName: 'Facebook',
    limits: { maxTextLength: 63_206, maxImages: 10, maxImageBytes: 4 * 1024 * 1024 },
    textPost: true,
    imagePost: true,
  },
  instagram: {
    displayName: 'Instagram',
    limits: { maxTextLength: 2_200, maxImages: 10, maxImageBytes: 8 * 1024 * 1024 },
    textPost: false,
    imagePost: true,
  },
  x: { displayName: 'X', limits: { maxTextLength: 280, maxImages: 4, maxImageBytes: 5 * 1024 * 1024 }, textPost: true, imagePost: true },
  youtube: {
    displayName: 'YouTube',
    limits: { maxTextLength: 5_000, maxImages: 0, maxImageBytes: 0, maxTitleLength: 100 },
    textPost: false,
    imagePost: false,
  },
  linkedin: {
    displayName: 'LinkedIn',
    limits: { maxTextLength: 3_000, maxImages: 9, maxImageBytes: 8 * 1024 * 1024 },
    textPost: true,
    imagePost: true,
  },
  mastodon: {
    displayName: 'Mastodon',
    limits: { maxTextLength: 500, maxImages: 4, maxImageBytes: 16 * 1024 * 1024 },
    textPost: true,
    imagePost: true,
  },
  bluesky: {
    displayName: 'Bluesky',
    limits: { maxTextLength: 300, maxImages: 4, maxImageBytes: 1024 * 1024 },
    textPost: true,
    imagePost: true,
  },
};

export function platformInfos(db: Db): PlatformInfo[] {
  const out = new Map<string, PlatformInfo>();
  for (const [name, k] of Object.entries(KNOWN))
    out.set(name, {
      name,
      displayName: k.displayName,
      hasConnector: false,
      limits: k.limits,
      textPost: k.textPost,
      imagePost: k.imagePost,
      notes: [],
    });
  for (const c of listConnectors(db)) {
    const m = c.manifest;
    out.set(m.name, {
      name: m.name,
      displayName: m.displayName,
      hasConnector: true,
      limits: m.limits,
      textPost: m.capabilities.textPost,
      imagePost: m.capabilities.imagePost,
      notes: m.notes,
    });
  }
  return [...out.values()];
}
