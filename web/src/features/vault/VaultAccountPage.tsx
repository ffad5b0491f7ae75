import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { VaultSecretKind, type VaultSecret } from '@courtdesk/contracts';
import { ErrorAlert, useErrorMessage } from '../../app/errors';
import { useFormatDate } from '../../app/format';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { RevealDialog } from './RevealDialog';
import { vaultApi, vaultKeys } from './vault.api';

/** One account's secrets: store or rotate them, open one with a fresh code and a reason, see every opening. */
export function VaultAccountPage() {
  const { accountId = '' } = useParams();
  const { t } = useTranslation('vault');
  const formatDate = useFormatDate();
  const overview = useQuery({ queryKey: vaultKeys.account(accountId), queryFn: () => vaultApi.overview(accountId) });
  const [storeOpen, store] = useDisclosure(false);
  const [revealing, setRevealing] = useState<VaultSecret | null>(null);
  const [preset, setPreset] = useState<{ kind: VaultSecretKind; label: string } | null>(null);

  if (overview.isPending) return <TableSkeleton rows={4} />;
  if (overview.isError) return <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  const { secrets, openings } = overview.data;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/vault" size="sm">
        ← {t('back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>{t('accountTitle')}</Title>
        <Button
          onClick={() => {
            setPreset(null);
            store.open();
          }}
        >
          {t('store.open')}
        </Button>
      </Group>
      <Text c="dimmed" maw={760}>
        {t('accountIntro')}
      </Text>
      {secrets.length === 0 ? (
        <Alert color="yellow" title={t('noSecrets.title')}>
          {t('noSecrets.body')}
        </Alert>
      ) : (
        <Card withBorder padding={0}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('col.label')}</Table.Th>
                <Table.Th>{t('col.kind')}</Table.Th>
                <Table.Th>{t('col.version')}</Table.Th>
                <Table.Th>{t('col.setAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {secrets.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.label}
                    {s.rotationDueAt && (
                      <Badge ml="xs" color="red" variant="light" title={s.rotationReason ?? ''}>
                        {t('rotationDue')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`kind.${s.kind}`)}</Table.Td>
                  <Table.Td>{s.version}</Table.Td>
                  <Table.Td>
                    {formatDate(s.setAt)} · {s.setByName ?? '—'}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button size="xs" variant="light" onClick={() => setRevealing(s)}>
                        {t('reveal.open')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => {
                          setPreset({ kind: s.kind, label: s.label });
                          store.open();
                        }}
                      >
                        {t('rotate')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}

      <Title order={2} size="h3">
        {t('log.title')}
      </Title>
      {openings.length === 0 ? (
        <Text c="dimmed">{t('log.empty')}</Text>
      ) : (
        <Card withBorder padding={0}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('log.when')}</Table.Th>
                <Table.Th>{t('log.who')}</Table.Th>
                <Table.Th>{t('log.what')}</Table.Th>
                <Table.Th>{t('log.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {openings.map((o) => (
                <Table.Tr key={o.seq}>
                  <Table.Td>{formatDate(o.at)}</Table.Td>
                  <Table.Td>{o.actorName ?? '—'}</Table.Td>
                  <Table.Td>
                    {t(`event.${o.type.replace('vault.', '')}`, { defaultValue: o.type })} {o.label ? `· ${o.label}` : ''}
                  </Table.Td>
                  <Table.Td>{o.reason ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <StoreDialog accountId={accountId} opened={storeOpen} onClose={store.close} preset={preset} />
      {revealing && <RevealDialog secret={revealing} accountId={accountId} onClose={() => setRevealing(null)} />}
    </Stack>
  );
}

function StoreDialog({
  accountId,
  opened,
  onClose,
  preset,
}: {
  accountId: string;
  opened: boolean;
  onClose: () => void;
  preset: { kind: VaultSecretKind; label: string } | null;
}) {
  const { t } = useTranslation('vault');
  const errorMessage = useErrorMessage();
  const qc = useQueryClient();
  const [kind, setKind] = useState<VaultSecretKind>(preset?.kind ?? 'password');
  const [label, setLabel] = useState(preset?.label ?? '');
  const [value, setValue] = useState('');
  const mutation = useMutation({
    mutationFn: () => vaultApi.store(accountId, { kind, label: label.trim(), value }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('store.saved') });
      setValue('');
      void qc.invalidateQueries({ queryKey: ['vault'] });
      onClose();
    },
  });
  const key = `${preset?.kind ?? ''}/${preset?.label ?? ''}/${String(opened)}`;
  return (
    <Modal key={key} opened={opened} onClose={onClose} title={preset ? t('store.rotateTitle') : t('store.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate();
        }}
      >
        <Stack>
          <Select
            label={t('store.kind')}
            data={VaultSecretKind.options.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(VaultSecretKind.parse(v))}
            disabled={preset !== null}
            allowDeselect={false}
          />
          <TextInput
            label={t('store.label')}
            required
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            disabled={preset !== null}
            maxLength={80}
          />
          <PasswordInput
            label={t('store.value')}
            required
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            autoComplete="new-password"
          />
          {mutation.isError && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
          <Text size="sm" c="dimmed">
            {t('store.hint')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!label.trim() || !value}>
              {t('store.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
