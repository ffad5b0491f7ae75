import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AccountDetail, CheckResult, ContentLang } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { useFormatDate } from '../../app/format';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { AuthorisationBadge, CheckStatusBadge, useAuthorityError, useInstitutionOptions } from '../decisions/authority-ui';
import { fileToBase64 } from '../decisions/decisions.api';
import { useAccount, useAccountAction } from './accounts.api';
import { BrandKitCard } from './BrandKitCard';
import { ConnectionCard } from './ConnectionCard';

/** One check with its article and the "how to fix" line, in the UI language. */
export function CheckRow({ check }: { check: CheckResult }) {
  const { t } = useTranslation('accounts');
  return (
    <Table.Tr>
      <Table.Td>
        <CheckStatusBadge status={check.status} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {t(`check.${check.code}.title`)}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`check.${check.code}.${check.status}`, { ...check.params, defaultValue: check.message })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="outline">{t('article', { article: check.article })}</Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {check.status === 'pass' ? '—' : t(`check.${check.code}.fix`, { ...check.params, defaultValue: check.fix ?? '' })}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function AccountDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('accounts');
  const formatDate = useFormatDate();
  const explain = useAuthorityError();
  const { label } = useInstitutionOptions();
  const q = useAccount(id);
  const act = useAccountAction(id);
  const [dialog, setDialog] = useState<'edit' | 'approve' | 'close' | null>(null);
  if (q.isPending) return <TableSkeleton rows={8} />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data;
  const actionError = act.refresh.error ?? act.drift.error;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/accounts" size="sm">
        {t('detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>@{a.handle}</Title>
          <Group gap="xs">
            <Text size="sm">
              {t(`platform.${a.platform}`, { defaultValue: a.platform })} · {a.displayName} · {label(a.institutionId)}
            </Text>
            <AuthorisationBadge value={a.authorisation} />
            <Badge variant="light" color="gray">
              {t(`status.${a.status}`)}
            </Badge>
          </Group>
        </Stack>
        <Group>
          {a.can.approve && <Button onClick={() => setDialog('approve')}>{t('detail.approve')}</Button>}
          {a.can.edit && (
            <Button variant="default" onClick={() => setDialog('edit')}>
              {t('detail.edit')}
            </Button>
          )}
          {a.can.refreshProfile && (
            <Button variant="default" loading={act.refresh.isPending} onClick={() => act.refresh.mutate()}>
              {t('detail.refresh')}
            </Button>
          )}
          {a.can.checkDrift && (
            <Button variant="default" loading={act.drift.isPending} onClick={() => act.drift.mutate()}>
              {t('detail.checkDrift')}
            </Button>
          )}
          {a.can.close && (
            <Button color="red" variant="subtle" onClick={() => setDialog('close')}>
              {a.status === 'requested' ? t('detail.refuse') : t('detail.close')}
            </Button>
          )}
        </Group>
      </Group>
      {actionError && (
        <Alert color="red" role="alert">
          {explain(actionError)}
        </Alert>
      )}
      {a.authorisation === 'lacks_retroactive_decision' && <Alert color="orange">{t('detail.needsRetroactive')}</Alert>}
      {a.authorisingDecisionId && (
        <Anchor component={Link} to={`/decisions/${a.authorisingDecisionId}`} size="sm">
          {t('detail.authorisingDecision')}
        </Anchor>
      )}

      <Title order={2} size="h4">
        {t('detail.checks')}
      </Title>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm">
          <Table.Caption>{t('detail.checksCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('field.result')}</Table.Th>
              <Table.Th scope="col">{t('field.check')}</Table.Th>
              <Table.Th scope="col">{t('field.article')}</Table.Th>
              <Table.Th scope="col">{t('field.fix')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.checks.map((c) => (
              <CheckRow key={c.code} check={c} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h5" mb="xs">
            {t('detail.holders')}
          </Title>
          {a.holders.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('detail.noHolders')}
            </Text>
          ) : (
            <Stack gap={4}>
              {a.holders.map((h) => (
                <Text key={h.id} size="sm">
                  {h.name} — {t(`level.${h.level}`)}{' '}
                  {h.viaPosition ? `(${t('detail.byPosition')})` : `(${t('detail.byDecision', { count: h.decisionIds.length })})`}
                </Text>
              ))}
            </Stack>
          )}
          <Text size="xs" c="dimmed" mt="sm">
            {t('detail.mine', { level: a.my.level ? t(`level.${a.my.level}`) : t('level.none') })}
          </Text>
        </Card>
        <Card withBorder>
          <Title order={2} size="h5" mb="xs">
            {t('detail.drift')}
          </Title>
          {!a.drift ? (
            <Text size="sm" c="dimmed">
              {t('detail.driftNever')}
            </Text>
          ) : a.drift.error ? (
            <Text size="sm" c="red">
              {a.drift.error}
            </Text>
          ) : a.drift.findings.length === 0 ? (
            <Text size="sm" c="green">
              {t('detail.driftNone', { date: formatDate(a.drift.checkedAt) })}
            </Text>
          ) : (
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {formatDate(a.drift.checkedAt)}
              </Text>
              {a.drift.findings.map((f, i) => (
                <Text key={i} size="sm">
                  <Badge size="xs" color="red" variant="light" mr={6}>
                    {t('article', { article: f.article })}
                  </Badge>
                  {t(`drift.${f.kind}`, { name: f.name, role: f.platformRole ?? '', level: f.decidedLevel ?? '' })}
                </Text>
              ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>

      <Card withBorder>
        <Title order={2} size="h5" mb="xs">
          {t('detail.profile')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
          <Text size="sm">
            <b>{t('field.url')}:</b> {a.url ?? '—'}
          </Text>
          <Text size="sm">
            <b>{t('field.openedAt')}:</b> {a.openedAt ? formatDate(a.openedAt) : '—'}
          </Text>
          <Text size="sm">
            <b>{t('field.openedWithEmail')}:</b> {a.openedWithEmail ?? '—'}
          </Text>
          <Text size="sm">
            <b>{t('field.address')}:</b> {[a.address, a.postalCode].filter(Boolean).join(', ') || '—'}
          </Text>
          <Text size="sm">
            <b>{t('field.phone')}:</b> {a.phone ?? '—'}
          </Text>
          <Text size="sm">
            <b>{t('field.email')}:</b> {a.email ?? '—'}
          </Text>
          <Text size="sm">
            <b>{t('field.website')}:</b> {a.website ?? '—'}
          </Text>
          <Text size="sm">
            <b>{t('field.autoReply')}:</b> {a.autoReplyConfigured ? t('yes') : t('no')}
          </Text>
        </SimpleGrid>
        {Object.entries(a.description).map(([lang, text]) => (
          <Text key={lang} size="sm" mt={4}>
            <b>{t(`common:contentLanguage.${lang}`)}:</b> {text}
          </Text>
        ))}
      </Card>
      <ConnectionCard accountId={a.id} />
      <BrandKitCard institutionId={a.institutionId} />
      {dialog === 'edit' && <EditModal account={a} onClose={() => setDialog(null)} />}
      {dialog === 'approve' && <ApproveModal account={a} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseModal account={a} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function EditModal({ account: a, onClose }: { account: AccountDetail; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const explain = useAuthorityError();
  const { update } = useAccountAction(a.id);
  const { data } = useInstitutionOptions();
  const langs = (data?.find((i) => i.id === a.institutionId)?.languages ?? ['sq', 'sr']) as ContentLang[];
  const [f, setF] = useState({
    handle: a.handle,
    displayName: a.displayName,
    url: a.url ?? '',
    openedWithEmail: a.openedWithEmail ?? '',
    address: a.address ?? '',
    postalCode: a.postalCode ?? '',
    phone: a.phone ?? '',
    email: a.email ?? '',
    website: a.website ?? '',
  });
  const [desc, setDesc] = useState<Record<string, string>>({ ...a.description });
  const [autoReply, setAutoReply] = useState(a.autoReplyConfigured);
  const field = (k: keyof typeof f, type = 'text') => (
    <TextInput
      type={type}
      label={t(`field.${k}`)}
      value={f[k]}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setF((o) => ({ ...o, [k]: v }));
      }}
    />
  );
  const save = () =>
    update.mutate(
      { ...f, description: Object.fromEntries(Object.entries(desc).filter(([, v]) => v.trim())), autoReplyConfigured: autoReply },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('edit.saved') });
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('edit.title')} size="lg">
      <Stack gap="sm">
        <Group grow>
          {field('handle')}
          {field('displayName')}
        </Group>
        <Group grow>
          {field('url')}
          {field('openedWithEmail', 'email')}
        </Group>
        <Group grow>
          {field('address')}
          {field('postalCode')}
        </Group>
        <Group grow>
          {field('phone')}
          {field('email', 'email')}
        </Group>
        {field('website')}
        {langs.map((l) => (
          <Textarea
            key={l}
            label={t('edit.description', { language: t(`common:contentLanguage.${l}`) })}
            value={desc[l] ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setDesc((o) => ({ ...o, [l]: v }));
            }}
            autosize
            minRows={2}
          />
        ))}
        <Switch label={t('field.autoReply')} checked={autoReply} onChange={(e) => setAutoReply(e.currentTarget.checked)} />
        {update.error && (
          <Alert color="red" role="alert">
            {explain(update.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={save} loading={update.isPending}>
            {t('edit.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ApproveModal({ account: a, onClose }: { account: AccountDetail; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const explain = useAuthorityError();
  const { approve } = useAccountAction(a.id);
  const [number, setNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState(new Date().toISOString().slice(0, 10));
  const [file, setFile] = useState<File | null>(null);
  const submit = async () => {
    const attachment = file ? { fileName: file.name, contentBase64: await fileToBase64(file) } : undefined;
    approve.mutate({ number: number.trim(), decidedOn, ...(attachment ? { attachment } : {}) }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('approve.title', { handle: a.handle })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('approve.intro')}
        </Text>
        <TextInput label={t('approve.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} required />
        <TextInput type="date" label={t('approve.date')} value={decidedOn} onChange={(e) => setDecidedOn(e.currentTarget.value)} required />
        <FileInput label={t('approve.file')} accept="application/pdf" value={file} onChange={setFile} clearable />
        {approve.error && (
          <Alert color="red" role="alert">
            {explain(approve.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={approve.isPending} disabled={!number.trim()}>
            {t('detail.approve')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CloseModal({ account: a, onClose }: { account: AccountDetail; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const explain = useAuthorityError();
  const { close } = useAccountAction(a.id);
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={a.status === 'requested' ? t('detail.refuse') : t('detail.close')}>
      <Stack gap="sm">
        <Textarea
          label={t('close.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        {close.error && (
          <Alert color="red" role="alert">
            {explain(close.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => close.mutate(reason.trim(), { onSuccess: onClose })}
            loading={close.isPending}
            disabled={reason.trim().length < 3}
          >
            {t('close.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
