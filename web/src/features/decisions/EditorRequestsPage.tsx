import { useState } from 'react';
import { Anchor, Button, FileInput, Group, Modal, MultiSelect, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DECISION_PDF_MAX_BYTES, EditorRequestStatus, type AccountList, type EditorRequest } from '@courtdesk/contracts';
import { api } from '../../app/api';
import { useFormatDate } from '../../app/format';
import { IconPlus, IconUsers } from '../../app/icons';
import { ListTable, type Column } from '../../app/ui/DataTable';
import { EnumFilter } from '../../app/ui/FilterBar';
import { PageHeader } from '../../app/ui/PageHeader';
import { useCurrentUser } from '../../app/session';
import { DialogActions, InstitutionSelect, useActivePeople, useInstitutionOptions } from './authority-ui';
import { fileToBase64, useConsentEditor, useEditorRequests, useRecommendEditor, useRefuseEditor } from './decisions.api';

const pageSize = 20;
const today = () => new Date().toISOString().slice(0, 10);

/** Art. 5.6b in two steps: the Responsible Officer recommends a court officer, the president consents. */
export function EditorRequestsPage() {
  const { t } = useTranslation('decisions');
  const formatDate = useFormatDate();
  const { label } = useInstitutionOptions();
  const [status, setStatus] = useState<EditorRequestStatus | null>('recommended');
  const [page, setPage] = useState(1);
  const list = useEditorRequests({
    status: status ?? undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const [recommending, setRecommending] = useState(false);
  const [consenting, setConsenting] = useState<EditorRequest | null>(null);
  const [refusing, setRefusing] = useState<EditorRequest | null>(null);
  const columns: Column<EditorRequest>[] = [
    {
      key: 'candidate',
      header: t('requests.candidate'),
      cell: (r) => (
        <>
          {r.candidate.name}
          {r.note && (
            <Text size="xs" c="dimmed">
              “{r.note}”
            </Text>
          )}
        </>
      ),
    },
    { key: 'institution', header: t('field.institution'), cell: (r) => label(r.institutionId) },
    {
      key: 'accounts',
      header: t('field.accounts'),
      cell: (r) => (r.coversAllAccounts ? t('detail.allAccounts') : r.accounts.map((a) => `@${a.handle}`).join(', ')),
    },
    {
      key: 'recommendedBy',
      header: t('requests.recommendedBy'),
      cell: (r) => (
        <>
          {r.recommendedBy.name}
          <Text size="xs" c="dimmed">
            {formatDate(r.recommendedAt)}
          </Text>
        </>
      ),
    },
    {
      key: 'state',
      header: t('field.state'),
      cell: (r) => (
        <>
          {t(`requestStatus.${r.status}`)}
          {r.decisionId && (
            <Anchor component={Link} to={`/decisions/${r.decisionId}`} size="xs" display="block">
              {t('requests.decision')}
            </Anchor>
          )}
          {r.refusalReason && (
            <Text size="xs" c="dimmed">
              “{r.refusalReason}”
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'actions',
      header: t('list.actions'),
      cell: (r) => (
        <Group gap="xs">
          {r.can.consent && (
            <Button size="xs" onClick={() => setConsenting(r)} aria-label={t('requests.consentFor', { name: r.candidate.name })}>
              {t('requests.consent')}
            </Button>
          )}
          {r.can.refuse && (
            <Button size="xs" variant="subtle" color="red" onClick={() => setRefusing(r)}>
              {t('requests.refuse')}
            </Button>
          )}
        </Group>
      ),
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('requests.title')}
        intro={t('requests.intro')}
        actions={
          list.data?.canRecommend && (
            <Button leftSection={<IconPlus />} onClick={() => setRecommending(true)}>
              {t('requests.recommend')}
            </Button>
          )
        }
      />
      <EnumFilter
        label={t('field.state')}
        placeholder={t('list.allStates')}
        options={EditorRequestStatus.options}
        optionLabel={(s) => t(`requestStatus.${s}`)}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        width={240}
      />
      <ListTable
        query={list}
        columns={columns}
        rowKey={(r) => r.id}
        caption={t('requests.caption')}
        minWidth={800}
        verticalSpacing="sm"
        skeletonRows={4}
        empty={{ icon: <IconUsers />, title: t('requests.emptyTitle'), description: t('requests.emptyText') }}
        paging={{ page, pageSize, onChange: setPage }}
      />
      {recommending && <RecommendModal onClose={() => setRecommending(false)} />}
      {consenting && <ConsentModal request={consenting} onClose={() => setConsenting(null)} />}
      {refusing && <RefuseModal request={refusing} onClose={() => setRefusing(null)} />}
    </Stack>
  );
}

function RecommendModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('decisions');
  const me = useCurrentUser();
  const [institutionId, setInstitutionId] = useState<string | null>(me.institutionId);
  const [candidate, setCandidate] = useState<string | null>(null);
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const [all, setAll] = useState(false);
  const [note, setNote] = useState('');
  const staff = useActivePeople(institutionId);
  const accounts = useQuery({
    queryKey: ['accounts', 'options', institutionId],
    queryFn: ({ signal }) => api.get<AccountList>('/api/accounts', { signal, query: { institutionId, status: 'active', limit: 200 } }),
    enabled: Boolean(institutionId),
  });
  const recommend = useRecommendEditor();
  const submit = () =>
    institutionId &&
    candidate &&
    recommend.mutate(
      {
        institutionId,
        candidateId: candidate,
        accountIds: all ? [] : accountIds,
        coversAllAccounts: all,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('requests.recommended') });
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('requests.recommend')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('requests.recommendIntro')}
        </Text>
        <InstitutionSelect label={t('field.institution')} value={institutionId} onChange={setInstitutionId} required />
        <Select
          label={t('requests.candidate')}
          data={(staff.data?.items ?? [])
            .filter((p) => p.position === 'court_officer' || p.position === 'pio')
            .filter((p) => p.id !== me.id)
            .map((p) => ({ value: p.id, label: p.name }))}
          value={candidate}
          onChange={setCandidate}
          searchable
          required
        />
        <Switch label={t('field.coversAll')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
        {!all && (
          <MultiSelect
            label={t('field.accounts')}
            data={(accounts.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.platform} · @${a.handle}` }))}
            value={accountIds}
            onChange={setAccountIds}
            searchable
            required
          />
        )}
        <Textarea
          label={t('requests.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
        />
        <DialogActions error={recommend.error} onCancel={onClose}>
          <Button onClick={submit} loading={recommend.isPending} disabled={!candidate || (!all && accountIds.length === 0)}>
            {t('requests.recommend')}
          </Button>
        </DialogActions>
      </Stack>
    </Modal>
  );
}

function ConsentModal({ request, onClose }: { request: EditorRequest; onClose: () => void }) {
  const { t } = useTranslation('decisions');
  const consent = useConsentEditor();
  const [number, setNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState(today());
  const [file, setFile] = useState<File | null>(null);
  const submit = async () => {
    const attachment = file ? { fileName: file.name, contentBase64: await fileToBase64(file) } : undefined;
    consent.mutate(
      { id: request.id, body: { number: number.trim(), decidedOn, ...(attachment ? { attachment } : {}) } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('requests.granted', { name: request.candidate.name }) });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('requests.consentTitle', { name: request.candidate.name })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('requests.consentIntro')}
        </Text>
        <TextInput label={t('field.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} required />
        <TextInput
          type="date"
          label={t('field.decidedOn')}
          value={decidedOn}
          max={today()}
          onChange={(e) => setDecidedOn(e.currentTarget.value)}
          required
        />
        <FileInput
          label={t('field.file')}
          accept="application/pdf"
          value={file}
          onChange={(f) => setFile(f && f.size <= DECISION_PDF_MAX_BYTES ? f : null)}
          clearable
        />
        <DialogActions error={consent.error} onCancel={onClose}>
          <Button onClick={() => void submit()} loading={consent.isPending} disabled={!number.trim()}>
            {t('requests.consent')}
          </Button>
        </DialogActions>
      </Stack>
    </Modal>
  );
}

function RefuseModal({ request, onClose }: { request: EditorRequest; onClose: () => void }) {
  const { t } = useTranslation('decisions');
  const refuse = useRefuseEditor();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('requests.refuseTitle', { name: request.candidate.name })}>
      <Stack gap="sm">
        <Textarea
          label={t('field.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          minLength={3}
          autosize
          minRows={2}
        />
        <DialogActions error={refuse.error} onCancel={onClose}>
          <Button
            color="red"
            onClick={() => refuse.mutate({ id: request.id, reason: reason.trim() }, { onSuccess: onClose })}
            loading={refuse.isPending}
            disabled={reason.trim().length < 3}
          >
            {t('requests.refuse')}
          </Button>
        </DialogActions>
      </Stack>
    </Modal>
  );
}
