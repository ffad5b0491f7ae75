import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AccountStatus, knownPlatforms, type Account } from '@courtdesk/contracts';
import { IconBuilding, IconPlus } from '../../app/icons';
import { ListTable, type Column } from '../../app/ui/DataTable';
import { useListParams } from '../../app/ui/list-params';
import { EnumFilter, FilterBar } from '../../app/ui/FilterBar';
import { PageHeader } from '../../app/ui/PageHeader';
import { useCurrentUser } from '../../app/session';
import { AuthorisationBadge, DialogActions, InstitutionSelect, useInstitutionOptions } from '../decisions/authority-ui';
import { useAccounts, useRegisterAccount, useRequestAccount } from './accounts.api';

const pageSize = 25;

/** The register of official accounts (art. 3.3–3.6): every account, its authorisation and failing checks. */
export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const { get, set, page, setPage } = useListParams();
  const status = AccountStatus.safeParse(get('status'));
  const institutionId = get('institution');
  const list = useAccounts({
    institutionId,
    status: status.success ? status.data : undefined,
    platform: get('platform'),
    q: get('q'),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const { label } = useInstitutionOptions();
  const [dialog, setDialog] = useState<'request' | 'register' | null>(null);
  const columns: Column<Account>[] = [
    {
      key: 'account',
      header: t('field.account'),
      cell: (a) => (
        <>
          <Anchor component={Link} to={`/accounts/${a.id}`} fw={500}>
            @{a.handle}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t(`platform.${a.platform}`, { defaultValue: a.platform })} · {a.displayName}
          </Text>
        </>
      ),
    },
    { key: 'institution', header: t('field.institution'), cell: (a) => label(a.institutionId) },
    { key: 'status', header: t('field.status'), cell: (a) => t(`status.${a.status}`) },
    { key: 'authorisation', header: t('field.authorisation'), cell: (a) => <AuthorisationBadge value={a.authorisation} /> },
    {
      key: 'checks',
      header: t('field.checks'),
      cell: (a) =>
        a.failingChecks === 0 ? (
          <Badge color="green" variant="light">
            {t('list.allPass')}
          </Badge>
        ) : (
          <Badge color="red" variant="light">
            {t('list.failing', { count: a.failingChecks })}
          </Badge>
        ),
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('list.title')}
        intro={t('list.intro')}
        actions={
          list.data?.canRequest && (
            <Group>
              <Button variant="default" onClick={() => setDialog('register')}>
                {t('register.open')}
              </Button>
              <Button leftSection={<IconPlus />} onClick={() => setDialog('request')}>
                {t('request.open')}
              </Button>
            </Group>
          )
        }
      />
      <FilterBar>
        <InstitutionSelect
          label={t('field.institution')}
          placeholder={t('list.allInstitutions')}
          value={institutionId ?? null}
          onChange={(v) => set('institution', v)}
          clearable
        />
        <EnumFilter
          label={t('field.status')}
          placeholder={t('list.allStatuses')}
          options={AccountStatus.options}
          optionLabel={(s) => t(`status.${s}`)}
          value={status.success ? status.data : null}
          onChange={(v) => set('status', v)}
          width={180}
        />
        <EnumFilter
          label={t('field.platform')}
          placeholder={t('list.allPlatforms')}
          options={knownPlatforms}
          optionLabel={(p) => t(`platform.${p}`)}
          value={get('platform')}
          onChange={(v) => set('platform', v)}
          width={180}
        />
        <TextInput
          label={t('list.search')}
          defaultValue={get('q') ?? ''}
          onKeyDown={(e) => {
            if (e.key === 'Enter') set('q', e.currentTarget.value.trim() || null);
          }}
          w={{ base: '100%', sm: 220 }}
        />
      </FilterBar>
      <ListTable
        query={list}
        columns={columns}
        rowKey={(a) => a.id}
        caption={t('list.caption')}
        minWidth={820}
        verticalSpacing="sm"
        skeletonRows={8}
        empty={{ icon: <IconBuilding />, title: t('list.emptyTitle'), description: t('list.emptyText') }}
        paging={{ page, pageSize, onChange: setPage }}
      />
      {dialog && <NewAccountModal mode={dialog} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** Asking permission to open an account (art. 3.3) or registering one opened before the manual (art. 3.4). */
function NewAccountModal({ mode, onClose }: { mode: 'request' | 'register'; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const me = useCurrentUser();
  const navigate = useNavigate();
  const request = useRequestAccount();
  const register = useRegisterAccount();
  const m = mode === 'request' ? request : register;
  const [institutionId, setInstitutionId] = useState<string | null>(me.institutionId);
  const [platform, setPlatform] = useState<string | null>('facebook');
  const [handle, setHandle] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [note, setNote] = useState('');
  const [openedAt, setOpenedAt] = useState('');
  const [openedWithEmail, setOpenedWithEmail] = useState('');
  const done = (a: { id: string }) => {
    notifications.show({ color: 'green', message: t(`${mode}.done`) });
    onClose();
    void navigate(`/accounts/${a.id}`);
  };
  const submit = () => {
    if (!institutionId || !platform) return;
    if (mode === 'request')
      request.mutate({ institutionId, platform, handle, displayName, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: done });
    else
      register.mutate(
        {
          institutionId,
          platform,
          handle,
          displayName,
          openedBeforeManual: true,
          ...(openedAt ? { openedAt } : {}),
          ...(openedWithEmail ? { openedWithEmail } : {}),
        },
        { onSuccess: done },
      );
  };
  return (
    <Modal opened onClose={onClose} title={t(`${mode}.title`)} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(`${mode}.intro`)}
        </Text>
        <InstitutionSelect label={t('field.institution')} value={institutionId} onChange={setInstitutionId} required />
        <Select
          label={t('field.platform')}
          data={knownPlatforms.map((p) => ({ value: p, label: t(`platform.${p}`) }))}
          value={platform}
          onChange={setPlatform}
          allowDeselect={false}
          required
        />
        <TextInput
          label={t('field.handle')}
          description={t('request.handleHelp')}
          value={handle}
          onChange={(e) => setHandle(e.currentTarget.value)}
          leftSection="@"
          required
        />
        <TextInput
          label={t('field.displayName')}
          description={t('request.nameHelp')}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          required
        />
        {mode === 'request' ? (
          <Textarea label={t('request.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        ) : (
          <Group grow>
            <TextInput type="date" label={t('field.openedAt')} value={openedAt} onChange={(e) => setOpenedAt(e.currentTarget.value)} />
            <TextInput
              type="email"
              label={t('field.openedWithEmail')}
              value={openedWithEmail}
              onChange={(e) => setOpenedWithEmail(e.currentTarget.value)}
            />
          </Group>
        )}
        <DialogActions error={m.error} onCancel={onClose}>
          <Button onClick={submit} loading={m.isPending} disabled={!handle.trim() || displayName.trim().length < 2}>
            {t(`${mode}.submit`)}
          </Button>
        </DialogActions>
      </Stack>
    </Modal>
  );
}
