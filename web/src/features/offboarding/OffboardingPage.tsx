import { useState } from 'react';
import { Badge, Button, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OffboardingItem } from '@courtdesk/contracts';
import { useFormatDate } from '../../app/format';
import { IconShield } from '../../app/icons';
import { ListTable, type Column } from '../../app/ui/DataTable';
import { PageHeader } from '../../app/ui/PageHeader';
import { DialogActions, useInstitutionOptions } from '../decisions/authority-ui';
import { useCompleteStep, useOffboarding } from './offboarding.api';

const pageSize = 30;

/** Shows how old open off-boarding items are; the colour warns when a step has waited too long. */
export function AgeBadge({ days }: { days: number }) {
  const { t } = useTranslation('offboarding');
  return (
    <Badge color={days >= 7 ? 'red' : days >= 2 ? 'orange' : 'blue'} variant="light">
      {t('age', { count: days })}
    </Badge>
  );
}

/** Art. 5.7: what remains to be done after someone left, per account, owned by the president. */
export function OffboardingPage() {
  const { t } = useTranslation('offboarding');
  const formatDate = useFormatDate();
  const { label } = useInstitutionOptions();
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const [page, setPage] = useState(1);
  const q = useOffboarding({ status, limit: pageSize, offset: (page - 1) * pageSize });
  const [doing, setDoing] = useState<OffboardingItem | null>(null);
  const columns: Column<OffboardingItem>[] = [
    {
      key: 'person',
      header: t('person'),
      cell: (i) => (
        <>
          {i.person.name}
          <Text size="xs" c="dimmed">
            {t(`left.${i.person.status}`, { defaultValue: i.person.status })}
            {i.person.leftAt ? ` · ${formatDate(i.person.leftAt)}` : ''} · {label(i.institutionId)}
          </Text>
        </>
      ),
    },
    { key: 'step', header: t('step'), cell: (i) => t(`steps.${i.step}`) },
    { key: 'account', header: t('account'), cell: (i) => (i.account ? `${i.account.platform} · @${i.account.handle}` : '—') },
    { key: 'owner', header: t('owner'), cell: (i) => i.owner?.name ?? t('noOwner') },
    {
      key: 'age',
      header: t('ageHeader'),
      cell: (i) =>
        i.status === 'open' ? (
          <AgeBadge days={i.ageDays} />
        ) : (
          <Text size="xs">
            {t('doneBy', { name: i.doneBy?.name ?? '—', date: i.doneAt ? formatDate(i.doneAt) : '' })}
            {i.note ? ` · “${i.note}”` : ''}
          </Text>
        ),
    },
    {
      key: 'actions',
      header: t('actions'),
      cell: (i) =>
        i.canComplete && (
          <Button size="xs" onClick={() => setDoing(i)}>
            {t('complete')}
          </Button>
        ),
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader title={t('title')} intro={t('intro')} />
      <SegmentedControl
        value={status}
        onChange={(v) => {
          setStatus(v as 'open' | 'done');
          setPage(1);
        }}
        data={[
          { value: 'open', label: t('status.open') },
          { value: 'done', label: t('status.done') },
        ]}
        w="fit-content"
        aria-label={t('statusLabel')}
      />
      {q.data && status === 'open' && q.data.open > 0 && (
        <Text size="sm">{t('summary.text', { count: q.data.open, days: q.data.oldestOpenDays ?? 0 })}</Text>
      )}
      <ListTable
        query={q}
        columns={columns}
        rowKey={(i) => i.id}
        caption={t('caption')}
        minWidth={860}
        verticalSpacing="sm"
        empty={{ icon: <IconShield />, title: t('emptyTitle'), description: t('emptyText') }}
        paging={{ page, pageSize, onChange: setPage }}
      />
      {doing && <CompleteModal item={doing} onClose={() => setDoing(null)} />}
    </Stack>
  );
}

function CompleteModal({ item, onClose }: { item: OffboardingItem; onClose: () => void }) {
  const { t } = useTranslation('offboarding');
  const complete = useCompleteStep();
  const [note, setNote] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('completeTitle', { step: t(`steps.${item.step}`) })}>
      <Stack gap="sm">
        <Text size="sm">{t(`stepHelp.${item.step}`)}</Text>
        <Textarea label={t('note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={1000} />
        <DialogActions error={complete.error} onCancel={onClose}>
          <Button
            onClick={() => complete.mutate({ id: item.id, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: onClose })}
            loading={complete.isPending}
          >
            {t('complete')}
          </Button>
        </DialogActions>
      </Stack>
    </Modal>
  );
}
