import { Anchor, Badge, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListTable, type Column } from '../../app/ui/DataTable';
import { PageHeader } from '../../app/ui/PageHeader';
import { useMe } from '../../app/session';
import type { ArchiveEntry } from '@courtdesk/contracts';
import { useArchive } from '../posts/posts.api';
import { COURT_TZ, formatCourtTime } from '../posts/time';

/** Everything that went out, per account, with the platform's id, URL and a content hash; exportable. */
export function ArchivePage() {
  const { t, i18n } = useTranslation('archive');
  const institutionId = useMe().data?.user?.institutionId;
  const archive = useArchive(institutionId);
  const q = `institutionId=${encodeURIComponent(institutionId ?? '')}`;
  const columns: Column<ArchiveEntry>[] = [
    { key: 'when', header: t('when', { tz: COURT_TZ }), cell: (e) => formatCourtTime(e.at, i18n.language) },
    { key: 'kind', header: t('kind'), cell: (e) => <Badge variant="light">{t(`kinds.${e.kind}`)}</Badge> },
    {
      key: 'platform',
      header: t('platform'),
      cell: (e) => (
        <>
          {e.platform}{' '}
          {e.url && (
            <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="sm">
              {e.externalId}
            </Anchor>
          )}
        </>
      ),
    },
    {
      key: 'text',
      header: t('text'),
      maw: 380,
      cell: (e) => (
        <Text size="sm" lineClamp={2}>
          {e.text}
        </Text>
      ),
    },
    { key: 'hash', header: t('hash'), cell: (e) => <Code>{e.contentHash.slice(0, 12)}…</Code> },
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        actions={
          <Group>
            <Button component="a" href={`/api/archive/export.json?${q}`} variant="default">
              {t('exportJson')}
            </Button>
            <Button component="a" href={`/api/archive/export.csv?${q}`} variant="default">
              {t('exportCsv')}
            </Button>
          </Group>
        }
      />
      <ListTable query={archive} columns={columns} rowKey={(e) => e.id} empty={{ title: t('empty') }} />
    </Stack>
  );
}
