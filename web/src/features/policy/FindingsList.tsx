import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { Finding } from '@courtdesk/contracts';
import { useTranslation } from 'react-i18next';

/** Each finding: article, severity, the words at fault, why, and how to fix it. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  const { t } = useTranslation('policy');
  if (findings.length === 0) {
    return (
      <Text c="green.8" role="status">
        {t('check.clean')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" role="list" aria-label={t('check.findings')}>
      {findings.map((f, i) => (
        <Card key={`${f.ruleId}-${f.variant ?? ''}-${f.start}-${i}`} withBorder padding="sm" role="listitem">
          <Group gap="xs" mb={4}>
            <Badge color={f.severity === 'block' ? 'red' : 'yellow'} variant="light">
              {t(`severity.${f.severity}`)}
            </Badge>
            <Badge variant="outline">{t('check.article', { article: f.article })}</Badge>
            {f.variant && <Badge variant="default">{f.variant.toUpperCase()}</Badge>}
          </Group>
          {f.excerpt && (
            <Text size="sm" fw={600}>
              “{f.excerpt}”
            </Text>
          )}
          <Text size="sm">{f.message}</Text>
          {f.suggestion && (
            <Text size="sm" c="dimmed">
              {t('check.fix')}: {f.suggestion}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}
