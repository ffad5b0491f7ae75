import { Alert, Badge, Code, Divider, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors';
import { useFormatDate } from '../../app/format';
import { HighlightedText } from './HighlightedText';
import { useInboxItem } from './inbox.api';
import { statusColor } from './InboxItemCard';

/** The whole item: full text with the matched words, the reasons, evidence copies, replies and history. */
export function ItemDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('inbox');
  const formatDate = useFormatDate();
  const q = useInboxItem(id);
  const d = q.data;
  return (
    <Drawer opened={!!id} onClose={onClose} position="right" size="xl" title={t('detail.title')}>
      {q.isError && <ErrorAlert error={q.error} />}
      {d && (
        <Stack gap="md">
          <Group gap="xs">
            <Badge color={statusColor[d.item.status]} variant="light">
              {t(`status.${d.item.status}`)}
            </Badge>
            {d.item.verdict && <Badge variant="outline">{t(`verdict.${d.item.verdict}`)}</Badge>}
          </Group>
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('detail.author')}</Table.Th>
                <Table.Td>
                  {d.item.authorName} (@{d.item.authorHandle})
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('detail.account')}</Table.Th>
                <Table.Td>
                  {d.item.platform} / @{d.item.accountHandle}
                </Table.Td>
              </Table.Tr>
              {d.item.postExternalId && (
                <Table.Tr>
                  <Table.Th>{t('detail.post')}</Table.Th>
                  <Table.Td>{d.item.postExternalId}</Table.Td>
                </Table.Tr>
              )}
              {d.item.conversationId && (
                <Table.Tr>
                  <Table.Th>{t('detail.conversation')}</Table.Th>
                  <Table.Td>{d.item.conversationId}</Table.Td>
                </Table.Tr>
              )}
              <Table.Tr>
                <Table.Th>{t('detail.written')}</Table.Th>
                <Table.Td>
                  {formatDate(d.item.createdAt)} {d.item.createdAt.slice(11, 16)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('filters.lang')}</Table.Th>
                <Table.Td>{t(`lang.${d.item.lang}`)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <HighlightedText text={d.item.text} reasons={d.item.reasons} />
          {d.item.note && <Alert color="orange">{t(`note.${d.item.note}`)}</Alert>}
          <Title order={4}>{t('detail.reasons')}</Title>
          {d.item.reasons.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('detail.noReasons')}
            </Text>
          ) : (
            <Stack gap={4}>
              {d.item.reasons.map((r, i) => (
                <Text key={i} size="sm">
                  <Badge color="red" variant="light" mr={6}>
                    {t(`category.${r.category}`, { defaultValue: r.category })}
                  </Badge>
                  <mark>{r.match}</mark> — {r.explanation}{' '}
                  <Text span c="dimmed" size="xs">
                    ({r.rule}, art. {r.article})
                  </Text>
                </Text>
              ))}
            </Stack>
          )}
          <Divider />
          <Title order={4}>{t('detail.evidence')}</Title>
          {d.evidence.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('detail.noEvidence')}
            </Text>
          ) : (
            d.evidence.map((e) => (
              <Stack key={e.id} gap={4}>
                <Group gap="xs">
                  <Badge color={e.intact ? 'green' : 'red'} variant="light">
                    {e.intact ? t('detail.intact') : t('detail.altered')}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('detail.captured')}: {e.capturedAt}
                  </Text>
                </Group>
                <Text size="xs">
                  {t('detail.hash')}: <Code>{e.contentHash}</Code>
                </Text>
                <Text size="xs" c="dimmed">
                  {e.reason}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {e.text}
                </Text>
              </Stack>
            ))
          )}
          {d.replies.length > 0 && (
            <>
              <Divider />
              <Title order={4}>{t('detail.replies')}</Title>
              {d.replies.map((r) => (
                <Stack key={r.id} gap={2}>
                  <Group gap="xs">
                    <Badge variant="light" color={r.status === 'sent' ? 'green' : r.status === 'failed' ? 'red' : 'gray'}>
                      {t(`autoReply.${r.status}`)}
                    </Badge>
                    {r.lang && (
                      <Text size="xs" c="dimmed">
                        {t(`lang.${r.lang}`, { defaultValue: r.lang })}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {r.sentAt ?? r.createdAt}
                    </Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.text}
                  </Text>
                  {r.error && (
                    <Text size="xs" c="red">
                      {r.error}
                    </Text>
                  )}
                </Stack>
              ))}
            </>
          )}
          <Divider />
          <Title order={4}>{t('detail.history')}</Title>
          {d.history.map((h, i) => (
            <Text key={i} size="sm">
              {h.at.slice(0, 16).replace('T', ' ')} · <Code>{h.type}</Code> · {h.actorName ?? t('detail.system')}
              {h.reason && (
                <Text span c="dimmed">
                  {' '}
                  — {h.reason}
                </Text>
              )}
            </Text>
          ))}
        </Stack>
      )}
    </Drawer>
  );
}
