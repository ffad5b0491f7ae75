import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors';
import { useFormatDate } from '../../app/format';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { DecisionStateBadge, useInstitutionOptions } from './authority-ui';
import { useDecision } from './decisions.api';
import { IssueDecisionModal, type IssuePreset } from './IssueDecisionModal';

/** One decision as issued, never edited: its people, accounts, signed act, endings and full history. */
export function DecisionDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation('decisions');
  const formatDate = useFormatDate();
  const { label } = useInstitutionOptions();
  const d = useDecision(id);
  const [preset, setPreset] = useState<IssuePreset | null>(null);
  if (d.isPending) return <TableSkeleton rows={6} />;
  if (d.error || !d.data) return <ErrorAlert error={d.error} onRetry={() => void d.refetch()} />;
  const x = d.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/decisions" size="sm">
        {t('detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{t('detail.title', { number: x.number })}</Title>
          <Group gap="xs">
            <DecisionStateBadge state={x.state} />
            <Text size="sm">{t(`kind.${x.kind}`)}</Text>
            {x.level && <Badge variant="outline">{t(`level.${x.level}`)}</Badge>}
          </Group>
        </Stack>
        <Group>
          {x.can.supersede && (
            <Button
              variant="default"
              onClick={() => setPreset({ institutionId: x.institutionId, kind: x.kind, supersedesDecisionId: x.id })}
            >
              {t('detail.supersede')}
            </Button>
          )}
          {x.can.revoke && (
            <Button
              color="red"
              variant="light"
              onClick={() => setPreset({ institutionId: x.institutionId, kind: 'revocation', targetDecisionId: x.id })}
            >
              {t('detail.revoke')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('detail.immutable')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap={6}>
            <Text size="sm">
              <b>{t('field.institution')}:</b> {label(x.institutionId)}
            </Text>
            <Text size="sm">
              <b>{t('field.decidedOn')}:</b> {formatDate(x.decidedOn)}
            </Text>
            <Text size="sm">
              <b>{t('field.issuedBy')}:</b> {x.issuedBy.name}
            </Text>
            <Text size="sm">
              <b>{t('field.effect')}:</b> {formatDate(x.effectFrom)}
              {x.effectUntil ? ` – ${formatDate(x.effectUntil)}` : ` – ${t('detail.openEnded')}`}
            </Text>
            {x.summary && (
              <Text size="sm">
                <b>{t('field.summary')}:</b> {x.summary}
              </Text>
            )}
            {x.targetDecisionId && (
              <Anchor component={Link} to={`/decisions/${x.targetDecisionId}`} size="sm">
                {t('detail.revokes')}
              </Anchor>
            )}
            {x.supersedesDecisionId && (
              <Anchor component={Link} to={`/decisions/${x.supersedesDecisionId}`} size="sm">
                {t('detail.supersedes')}
              </Anchor>
            )}
            {x.followedBy.map((f) => (
              <Anchor key={f.id} component={Link} to={`/decisions/${f.id}`} size="sm">
                {t('detail.followedBy', { number: f.number, kind: t(`kind.${f.kind}`) })}
              </Anchor>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap={6}>
            <Text fw={600} size="sm">
              {t('field.file')}
            </Text>
            {x.file ? (
              <>
                <Anchor href={`/api/decisions/${x.id}/file`} download={x.file.fileName}>
                  {x.file.fileName}
                </Anchor>
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                  SHA-256: {x.file.sha256}
                </Text>
              </>
            ) : (
              <Text size="sm" c="orange">
                {t('list.noFile')}
              </Text>
            )}
          </Stack>
        </Card>
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('field.people')}
      </Title>
      {x.people.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('detail.noPeople')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {x.people.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{t(`role.${p.role}`)}</Table.Td>
                <Table.Td>{p.endedAt ? t('detail.endedOn', { date: formatDate(p.endedAt) }) : t('detail.active')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={2} size="h4">
        {t('field.accounts')}
      </Title>
      {x.coversAllAccounts ? (
        <Text size="sm">{t('detail.allAccounts')}</Text>
      ) : (
        <List size="sm">
          {x.accounts.map((a) => (
            <List.Item key={a.id}>
              <Anchor component={Link} to={`/accounts/${a.id}`}>
                {a.platform} · @{a.handle}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
      <Title order={2} size="h4">
        {t('detail.history')}
      </Title>
      <List size="sm">
        {x.history.map((h, i) => (
          <List.Item key={i}>
            {formatDate(h.at)} — {t(`event.${h.type.replace('.', '_')}`, { defaultValue: h.type })}
            {h.actorName ? ` · ${h.actorName}` : ''}
            {h.reason ? ` · “${h.reason}”` : ''}
          </List.Item>
        ))}
        {x.endings.map((e, i) => (
          <List.Item key={`e${i}`}>
            {formatDate(e.at)} — {t(`ending.${e.cause}`)}
            {e.personName ? ` · ${e.personName}` : ''}
          </List.Item>
        ))}
      </List>
      {preset && <IssueDecisionModal opened onClose={() => setPreset(null)} preset={preset} />}
    </Stack>
  );
}
