import { Anchor, Badge, Button, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors';
import { useMe } from '../../app/session';
import { useArchive } from '../posts/posts.api';
import { COURT_TZ, formatCourtTime } from '../posts/time';

/** Everything that went out, per account, with the platform's id, URL and a content hash; exportable. */
export function ArchivePage() {
  const { t, i18n } = useTranslation('archive');
  const institutionId = useMe().data?.user?.institutionId;
  const archive = useArchive(institutionId);
  const q = `institutionId=${encodeURIComponent(institutionId ?? '')}`;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('title')}</Title>
          <Text size="sm" c="dimmed">
            {t('intro')}
          </Text>
        </Stack>
        <Group>
          <Button component="a" href={`/api/archive/export.json?${q}`} variant="default">
            {t('exportJson')}
          </Button>
          <Button component="a" href={`/api/archive/export.csv?${q}`} variant="default">
            {t('exportCsv')}
          </Button>
        </Group>
      </Group>
      {archive.error && <ErrorAlert error={archive.error} />}
      {archive.isLoading && <Loader />}
      {archive.data?.items.length === 0 && <Text c="dimmed">{t('empty')}</Text>}
      {!!archive.data?.items.length && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('when', { tz: COURT_TZ })}</Table.Th>
              <Table.Th>{t('kind')}</Table.Th>
              <Table.Th>{t('platform')}</Table.Th>
              <Table.Th>{t('text')}</Table.Th>
              <Table.Th>{t('hash')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {archive.data.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatCourtTime(e.at, i18n.language)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`kinds.${e.kind}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  {e.platform}{' '}
                  {e.url && (
                    <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="sm">
                      {e.externalId}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td maw={380}>
                  <Text size="sm" lineClamp={2}>
                    {e.text}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code>{e.contentHash.slice(0, 12)}…</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
