import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { PlatformInfo, TargetAccount } from '@courtdesk/contracts';
import { useTranslation } from 'react-i18next';

/** Characters as platforms count them (grapheme clusters, so emoji and letters with marks count once). */
export function countChars(text: string): number {
  const Seg = (
    Intl as unknown as { Segmenter?: new (l?: string, o?: { granularity: string }) => { segment(s: string): Iterable<unknown> } }
  ).Segmenter;
  if (!Seg) return [...text].length;
  let n = 0;
  for (const _ of new Seg(undefined, { granularity: 'grapheme' }).segment(text)) n++;
  return n;
}

/**
 * One preview per platform among the chosen accounts: the text as it will be sent (every language
 * version one after another), with a counter against the platform's limit from its connector manifest.
 */
export function PlatformPreview({
  text,
  accounts,
  platforms,
  mediaCount,
}: {
  text: string;
  accounts: TargetAccount[];
  platforms: PlatformInfo[];
  mediaCount: number;
}) {
  const { t } = useTranslation('posts');
  const byPlatform = [...new Set(accounts.map((a) => a.platform))];
  if (byPlatform.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('composer.previewNone')}
      </Text>
    );
  const used = countChars(text);
  return (
    <Stack gap="sm">
      {byPlatform.map((name) => {
        const p = platforms.find((x) => x.name === name);
        const limit = p?.limits.maxTextLength ?? 0;
        const over = limit > 0 && used > limit;
        const tooManyImages = p ? mediaCount > p.limits.maxImages : false;
        return (
          <Card key={name} withBorder padding="sm" data-testid={`preview-${name}`}>
            <Group justify="space-between" mb={6}>
              <Group gap={6}>
                <Text fw={600}>{p?.displayName ?? name}</Text>
                <Text size="xs" c="dimmed">
                  {accounts
                    .filter((a) => a.platform === name)
                    .map((a) => `@${a.handle}`)
                    .join(', ')}
                </Text>
              </Group>
              <Badge color={over ? 'red' : 'gray'} variant="light" aria-live="polite">
                {t('composer.counter', { used, limit })}
              </Badge>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} lineClamp={8}>
              {text || '—'}
            </Text>
            {over && (
              <Text size="xs" c="red" mt={4}>
                {t('composer.overLimit', { over: used - limit })}
              </Text>
            )}
            {tooManyImages && (
              <Text size="xs" c="red" mt={4}>
                {t('composer.tooManyImages', { max: p?.limits.maxImages ?? 0 })}
              </Text>
            )}
            {p && !p.textPost && mediaCount === 0 && (
              <Text size="xs" c="orange" mt={4}>
                {t('composer.needsMedia')}
              </Text>
            )}
            {p && !p.hasConnector && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('composer.noConnector')}
              </Text>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}
