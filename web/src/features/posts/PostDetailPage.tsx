import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Post } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { FindingHighlighter } from '../policy/FindingHighlighter';
import { FindingsList } from '../policy/FindingsList';
import { PostStatusBadge } from './PostStatusBadge';
import { usePost, usePostAction, type PostActionName } from './posts.api';
import { COURT_TZ, formatCourtTime, fromLocalInput, toLocalInput } from './time';

/** A post: its versions with findings, what happened on each account, and the next step the reader may take. */
export function PostDetailPage() {
  const { id = '' } = useParams();
  const post = usePost(id);
  if (post.error) return <ErrorAlert error={post.error} />;
  if (!post.data) return <Loader />;
  return <Detail post={post.data} />;
}

function Detail({ post }: { post: Post }) {
  const { t, i18n } = useTranslation('posts');
  const act = usePostAction(post.id);
  const [reasonFor, setReasonFor] = useState<'override' | 'decision-permission' | null>(null);
  const [reason, setReason] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  const [when, setWhen] = useState(() => toLocalInput(post.scheduledAt ?? new Date(Date.now() + 3600_000).toISOString()));
  const run = (action: PostActionName, body?: unknown) => act.mutate({ action, body });
  const fmt = (iso: string) => formatCourtTime(iso, i18n.language);
  const can = post.can;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group>
          <Title order={1}>{t('detail.title')}</Title>
          <PostStatusBadge status={post.status} />
        </Group>
        {can.edit && (
          <Button variant="default" component={Link} to={`/posts/${post.id}/edit`}>
            {t('detail.edit')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('detail.meta', { author: post.createdBy.name, version: post.version })}
        {post.approvedBy && ` · ${t('detail.approvedBy', { name: post.approvedBy.name, at: fmt(post.approvedAt!) })}`}
      </Text>
      {act.error && <ErrorAlert error={act.error} />}
      {post.override && (
        <Alert color="orange" title={t('detail.overrideTitle')}>
          {t('detail.overrideBody', { name: post.override.byName, at: fmt(post.override.at), reason: post.override.reason })}
        </Alert>
      )}
      {post.decisionPermission && (
        <Alert color="blue" title={t('detail.permissionTitle')}>
          {t('detail.permissionBody', {
            name: post.decisionPermission.byName,
            at: fmt(post.decisionPermission.at),
            reason: post.decisionPermission.reason,
          })}
        </Alert>
      )}

      <Card withBorder>
        <Stack gap="sm">
          <Text fw={600}>{t('detail.next')}</Text>
          <Group>
            {can.submit && (
              <Button onClick={() => run('submit')} loading={act.isPending}>
                {t('actions.submit')}
              </Button>
            )}
            {can.approve && (
              <Button color="green" onClick={() => run('approve')} loading={act.isPending} data-testid="approve">
                {t('actions.approve')}
              </Button>
            )}
            {can.override && (
              <Button color="orange" variant="light" onClick={() => setReasonFor('override')}>
                {t('actions.override')}
              </Button>
            )}
            {can.grantDecisionPermission && (
              <Button variant="light" onClick={() => setReasonFor('decision-permission')}>
                {t('actions.permit')}
              </Button>
            )}
            {can.unschedule && (
              <Button variant="default" onClick={() => run('unschedule')}>
                {t('actions.unschedule')}
              </Button>
            )}
            {can.returnToDraft && (
              <Button variant="subtle" onClick={() => run('return-to-draft')}>
                {t('actions.returnToDraft')}
              </Button>
            )}
          </Group>
          {can.schedule && (
            <Group align="flex-end">
              <TextInput
                type="datetime-local"
                step={1}
                label={t('detail.when', { tz: COURT_TZ })}
                value={when}
                onChange={(e) => setWhen(e.currentTarget.value)}
                data-testid="schedule-at"
              />
              <Button onClick={() => run('schedule', { scheduledAt: fromLocalInput(when) })} data-testid="schedule">
                {post.status === 'scheduled' ? t('actions.reschedule') : t('actions.schedule')}
              </Button>
              <Button variant="light" onClick={() => run('schedule', { scheduledAt: null })} data-testid="publish-now">
                {t('actions.publishNow')}
              </Button>
            </Group>
          )}
          {!Object.values(can).some(Boolean) && (
            <Text size="sm" c="dimmed">
              {t('detail.nothingToDo')}
            </Text>
          )}
          {(post.status === 'draft' || post.status === 'review') && post.findings.some((f) => f.severity === 'block') && !post.override && (
            <Text size="sm" c="red">
              {t('detail.blockedHint')}
            </Text>
          )}
          {post.scheduledAt && <Text size="sm">{t('detail.scheduledFor', { at: fmt(post.scheduledAt), tz: COURT_TZ })}</Text>}
        </Stack>
      </Card>

      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('detail.accounts')}
        </Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('detail.account')}</Table.Th>
              <Table.Th>{t('list.status')}</Table.Th>
              <Table.Th>{t('detail.result')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {post.targets.map((x) => (
              <Table.Tr key={x.id} data-testid={`target-${x.handle}`}>
                <Table.Td>
                  {x.displayName}{' '}
                  <Text span c="dimmed" size="sm">
                    @{x.handle} · {x.platform}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <PostStatusBadge status={x.status} />
                </Table.Td>
                <Table.Td>
                  {x.url && (
                    <Anchor href={x.url} target="_blank" rel="noopener noreferrer" size="sm">
                      {x.externalId}
                    </Anchor>
                  )}
                  {x.publishedAt && (
                    <Text size="xs" c="dimmed">
                      {fmt(x.publishedAt)}
                    </Text>
                  )}
                  {x.errorMessage && (
                    <Stack gap={2}>
                      <Text size="sm" c={x.status === 'failed' ? 'red' : 'orange'}>
                        {t(`errors.${x.status === 'failed' ? 'failed' : 'retrying'}`)}{' '}
                        {t(`targetErrors.${x.errorCode ?? 'unknown'}`, { defaultValue: x.errorMessage ?? '' })}
                      </Text>
                      {x.platformMessage && (
                        <Text size="xs" c="dimmed">
                          {t('detail.platformSaid', { message: x.platformMessage })}
                        </Text>
                      )}
                      {x.nextAttemptAt && x.status !== 'failed' && (
                        <Text size="xs" c="dimmed">
                          {t('detail.nextAttempt', { at: fmt(x.nextAttemptAt) })}
                        </Text>
                      )}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  {x.status === 'published' && x.canManage && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(x.id)}>
                      {t('actions.remove')}
                    </Button>
                  )}
                  {x.status === 'failed' && can.retry && (
                    <Button size="xs" onClick={() => act.mutate({ action: `targets/${x.id}/retry` })} data-testid="retry">
                      {t('actions.retry')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      {post.variants.map((v) => (
        <Card key={v.lang} withBorder>
          <Group mb="xs">
            <Badge variant="default">{t(`lang.${v.lang}`)}</Badge>
          </Group>
          <FindingHighlighter text={v.text} findings={post.findings.filter((f) => f.variant === v.lang)} lang={v.lang} />
        </Card>
      ))}
      {post.media.length > 0 && (
        <Group>
          {post.media.map((m) => (
            <Stack key={m.id} gap={2} align="center">
              <Image src={`/api/media/${m.id}/thumbnail`} alt={m.altText ?? ''} w={120} h={90} fit="cover" radius="sm" />
              {!m.provenanceComplete && (
                <Badge color="red" size="xs">
                  {t('media.incomplete')}
                </Badge>
              )}
            </Stack>
          ))}
        </Group>
      )}
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('composer.findings')}
        </Text>
        <FindingsList findings={post.findings} />
      </Card>

      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('actions.remove')}>
        <Stack>
          <Text size="sm">{t('detail.removeHelp')}</Text>
          <Textarea label={t('pause.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          <Button
            color="red"
            disabled={reason.trim().length < 5}
            loading={act.isPending}
            onClick={() =>
              removing &&
              act.mutate(
                { action: `targets/${removing}/delete`, body: { reason } },
                { onSuccess: () => (setRemoving(null), setReason('')) },
              )
            }
          >
            {t('pause.confirm')}
          </Button>
        </Stack>
      </Modal>
      <Modal
        opened={reasonFor !== null}
        onClose={() => setReasonFor(null)}
        title={reasonFor === 'override' ? t('actions.override') : t('actions.permit')}
      >
        <Stack>
          <Text size="sm">{reasonFor === 'override' ? t('detail.overrideHelp') : t('detail.permitHelp')}</Text>
          <Textarea label={t('pause.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          <Button
            disabled={reason.trim().length < 5}
            loading={act.isPending}
            onClick={() =>
              reasonFor && act.mutate({ action: reasonFor, body: { reason } }, { onSuccess: () => (setReasonFor(null), setReason('')) })
            }
          >
            {t('pause.confirm')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
