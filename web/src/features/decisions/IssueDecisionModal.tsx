import { useState } from 'react';
import { Button, FileInput, Group, Modal, MultiSelect, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DECISION_PDF_MAX_BYTES, type AccountList, type DecisionKind } from '@courtdesk/contracts';
import { api } from '../../app/api';
import { DialogActions, InstitutionSelect, useActivePeople } from './authority-ui';
import { fileToBase64, useIssueDecision } from './decisions.api';

const KINDS: DecisionKind[] = ['ro_appointment', 'substitute_appointment', 'account_opening', 'retroactive', 'revocation'];
const today = () => new Date().toISOString().slice(0, 10);

export interface IssuePreset {
  institutionId?: string;
  kind?: DecisionKind;
  targetDecisionId?: string;
  supersedesDecisionId?: string;
  accountIds?: string[];
}

/**
 * Issuing a decision (art. 3.1–3.4, 5.5): the leader fills in the act as signed and attaches the PDF.
 * Editor grants are not here: they come from the two-step request (art. 5.6b).
 */
export function IssueDecisionModal({ opened, onClose, preset }: { opened: boolean; onClose: () => void; preset?: IssuePreset }) {
  const { t } = useTranslation('decisions');
  const issue = useIssueDecision();
  const [institutionId, setInstitutionId] = useState<string | null>(preset?.institutionId ?? null);
  const [kind, setKind] = useState<DecisionKind>(preset?.kind ?? 'ro_appointment');
  const [number, setNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState(today());
  const [effectFrom, setEffectFrom] = useState('');
  const [effectUntil, setEffectUntil] = useState('');
  const [level, setLevel] = useState<string | null>('admin');
  const [people, setPeople] = useState<string[]>([]);
  const [accountIds, setAccountIds] = useState<string[]>(preset?.accountIds ?? []);
  const [all, setAll] = useState(false);
  const [summary, setSummary] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const staff = useActivePeople(institutionId);
  const accounts = useQuery({
    queryKey: ['accounts', 'options', institutionId],
    queryFn: ({ signal }) => api.get<AccountList>('/api/accounts', { signal, query: { institutionId, limit: 200 } }),
    enabled: Boolean(institutionId),
  });
  const grant = kind === 'ro_appointment' || kind === 'substitute_appointment';
  const aboutAccounts = kind === 'account_opening' || kind === 'retroactive';
  const accountOptions = (accounts.data?.items ?? [])
    .filter((a) =>
      kind === 'account_opening' ? a.status === 'requested' : kind === 'retroactive' ? a.openedBeforeManual : a.status === 'active',
    )
    .map((a) => ({ value: a.id, label: `${a.platform} · @${a.handle}` }));

  const pickFile = (f: File | null) => {
    setFileError(null);
    if (f && f.size > DECISION_PDF_MAX_BYTES) {
      setFileError(t('form.fileTooLarge'));
      return;
    }
    setFile(f);
  };

  const submit = async () => {
    if (!institutionId) return;
    const attachment = file ? { fileName: file.name, contentBase64: await fileToBase64(file) } : undefined;
    issue.mutate(
      {
        institutionId,
        kind,
        number: number.trim(),
        decidedOn,
        ...(grant
          ? {
              personIds: people,
              level: (level ?? 'admin') as 'admin' | 'editor',
              coversAllAccounts: all,
              accountIds: all ? [] : accountIds,
            }
          : {}),
        ...(aboutAccounts ? { accountIds } : {}),
        ...(kind === 'revocation' ? { targetDecisionId: preset?.targetDecisionId } : {}),
        ...(preset?.supersedesDecisionId ? { supersedesDecisionId: preset.supersedesDecisionId } : {}),
        ...(effectFrom ? { effectFrom } : {}),
        ...(effectUntil && grant ? { effectUntil } : {}),
        ...(summary.trim() ? { summary: summary.trim() } : {}),
        ...(attachment ? { attachment } : {}),
      },
      {
        onSuccess: (d) => {
          notifications.show({ color: 'green', message: t('form.issued', { number: d.number }) });
          onClose();
        },
      },
    );
  };

  const title = kind === 'revocation' ? t('form.revokeTitle') : preset?.supersedesDecisionId ? t('form.supersedeTitle') : t('form.title');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('form.intro')}
        </Text>
        {!preset?.institutionId && (
          <InstitutionSelect label={t('field.institution')} value={institutionId} onChange={setInstitutionId} required />
        )}
        {!preset?.kind && (
          <Select
            label={t('field.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as DecisionKind)}
            allowDeselect={false}
            required
          />
        )}
        <Group grow align="flex-start">
          <TextInput label={t('field.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} required maxLength={60} />
          <TextInput
            type="date"
            label={t('field.decidedOn')}
            value={decidedOn}
            onChange={(e) => setDecidedOn(e.currentTarget.value)}
            max={today()}
            required
          />
        </Group>
        {grant && (
          <>
            <MultiSelect
              label={kind === 'substitute_appointment' ? t('field.substitutes') : t('field.officer')}
              description={kind === 'substitute_appointment' ? t('form.twoOrMore') : undefined}
              data={(staff.data?.items ?? []).filter((p) => p.position !== 'sysadmin').map((p) => ({ value: p.id, label: p.name }))}
              value={people}
              onChange={setPeople}
              searchable
              required
            />
            <Select
              label={t('field.level')}
              description={t('form.levelHelp')}
              data={[
                { value: 'admin', label: t('level.admin') },
                { value: 'editor', label: t('level.editor') },
              ]}
              value={level}
              onChange={setLevel}
              allowDeselect={false}
            />
            <Switch label={t('field.coversAll')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
          </>
        )}
        {((grant && !all) || aboutAccounts) && !preset?.accountIds && (
          <MultiSelect
            label={t('field.accounts')}
            data={accountOptions}
            value={accountIds}
            onChange={setAccountIds}
            searchable
            nothingFoundMessage={t('form.noAccounts')}
            required
          />
        )}
        {kind !== 'account_opening' && (
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('field.effectFrom')}
              description={kind === 'retroactive' ? t('form.retroactiveHelp') : t('form.fromHelp')}
              value={effectFrom}
              onChange={(e) => setEffectFrom(e.currentTarget.value)}
            />
            {grant && (
              <TextInput
                type="date"
                label={t('field.effectUntil')}
                value={effectUntil}
                onChange={(e) => setEffectUntil(e.currentTarget.value)}
              />
            )}
          </Group>
        )}
        <Textarea
          label={kind === 'revocation' ? t('field.reason') : t('field.summary')}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
        />
        <FileInput
          label={t('field.file')}
          description={t('form.fileHelp')}
          accept="application/pdf"
          value={file}
          onChange={pickFile}
          clearable
          error={fileError}
        />
        <DialogActions error={issue.error} errorTitle={t('form.refused')} onCancel={onClose}>
          <Button
            onClick={() => void submit()}
            loading={issue.isPending}
            disabled={!institutionId || !number.trim() || !decidedOn}
            color={kind === 'revocation' ? 'red' : undefined}
          >
            {kind === 'revocation' ? t('form.revoke') : t('form.submit')}
          </Button>
        </DialogActions>
      </Stack>
    </Modal>
  );
}
