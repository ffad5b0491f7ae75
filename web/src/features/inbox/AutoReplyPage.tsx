import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, NumberInput, Select, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { autoReplyLangs, type AutoReplyLang, type AutoReplyTexts } from '@courtdesk/contracts';
import { ErrorAlert, useErrorMessage } from '../../app/errors';
import { useCurrentUser } from '../../app/session';
import { DataTable, type Column } from '../../app/ui/DataTable';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { useInstitutionName } from '../institutions/institution-name';
import { useInstitutions } from '../institutions/institutions.api';
import { useAutoReply, useAutoReplyLog, useInboxAccounts, useSaveAutoReply, useSetPolicy, type AutoReplyLogItem } from './inbox.api';

const OPTIONAL: AutoReplyLang[] = ['tr', 'bs'];

/** The art. 3.8 automatic reply per institution, the accounts' support for it, and its log. */
export function AutoReplyPage() {
  const { t } = useTranslation('inbox');
  const errorMessage = useErrorMessage();
  const user = useCurrentUser();
  const institutions = useInstitutions();
  const institutionName = useInstitutionName();
  const [institutionId, setInstitutionId] = useState(user.institutionId);
  const settings = useAutoReply(institutionId);
  const accounts = useInboxAccounts(institutionId);
  const log = useAutoReplyLog(institutionId);
  const save = useSaveAutoReply();
  const setPolicy = useSetPolicy();
  const [texts, setTexts] = useState<AutoReplyTexts | null>(null);
  const [enabled, setEnabled] = useState(true);
  const [period, setPeriod] = useState(24);
  // Reset the form when fresh settings arrive (React's "adjust state when a prop changes" pattern).
  const [synced, setSynced] = useState<typeof settings.data>(undefined);
  if (settings.data && settings.data !== synced) {
    setSynced(settings.data);
    setTexts(settings.data.texts);
    setEnabled(settings.data.enabled);
    setPeriod(settings.data.periodHours);
  }
  const s = settings.data;
  const canEdit = !!s?.canEdit;

  const logColumns: Column<AutoReplyLogItem>[] = [
    { key: 'when', header: t('autoReply.when'), cell: (l) => (l.sentAt ?? l.createdAt).slice(0, 16).replace('T', ' ') },
    { key: 'account', header: t('detail.account'), cell: (l) => `${l.platform} · @${l.accountHandle}` },
    { key: 'language', header: t('autoReply.language'), cell: (l) => (l.lang ? t(`lang.${l.lang}`, { defaultValue: l.lang }) : '') },
    {
      key: 'result',
      header: t('autoReply.result'),
      cell: (l) => (
        <>
          <Badge variant="light" color={l.status === 'sent' ? 'green' : l.status === 'failed' ? 'red' : 'gray'}>
            {t(`autoReply.${l.status}`)}
          </Badge>
          {l.error && (
            <Text size="xs" c="red">
              {l.error}
            </Text>
          )}
        </>
      ),
    },
  ];
  const onSave = async () => {
    if (!texts) return;
    try {
      await save.mutateAsync({ institutionId, enabled, periodHours: period, texts });
      notifications.show({ color: 'green', message: t('autoReply.saved') });
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('autoReply.title')}</Title>
      <Text c="dimmed" maw={760}>
        {t('autoReply.intro')}
      </Text>
      <Select
        w={320}
        label={t('report.institution')}
        value={institutionId}
        onChange={(v) => v && setInstitutionId(v)}
        allowDeselect={false}
        data={(institutions.data ?? []).map((i) => ({ value: i.id, label: institutionName(i) }))}
      />
      {settings.isPending ? (
        <TableSkeleton rows={4} />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        s &&
        texts && (
          <Card withBorder>
            <Stack>
              {!canEdit && <Alert color="gray">{t('autoReply.readOnly')}</Alert>}
              <Group>
                <Switch
                  label={t('autoReply.enabled')}
                  checked={enabled}
                  onChange={(e) => setEnabled(e.currentTarget.checked)}
                  disabled={!canEdit}
                />
                <NumberInput
                  label={t('autoReply.period')}
                  value={period}
                  onChange={(v) => setPeriod(Number(v) || 1)}
                  min={1}
                  max={720}
                  w={260}
                  disabled={!canEdit}
                />
              </Group>
              <Text fw={600}>{t('autoReply.texts')}</Text>
              {autoReplyLangs.map((lang) => {
                const value = texts[lang] ?? '';
                const def = s.defaults[lang];
                return (
                  <Stack key={lang} gap={4}>
                    <Group justify="space-between">
                      <Text size="sm" fw={500}>
                        {t(`lang.${lang}`)}{' '}
                        {OPTIONAL.includes(lang) && (
                          <Text span size="xs" c="dimmed">
                            ({t('autoReply.optional')})
                          </Text>
                        )}
                      </Text>
                      {def !== null && value !== def && (
                        <Group gap={6}>
                          <Badge variant="light" color="yellow">
                            {t('autoReply.edited')}
                          </Badge>
                          {canEdit && (
                            <Button size="compact-xs" variant="subtle" onClick={() => setTexts({ ...texts, [lang]: def })}>
                              {t('autoReply.resetDefault')}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Group>
                    <Textarea
                      aria-label={t(`lang.${lang}`)}
                      value={value}
                      rows={3}
                      maxLength={1000}
                      disabled={!canEdit}
                      onChange={(e) =>
                        setTexts({
                          ...texts,
                          [lang]: OPTIONAL.includes(lang) && e.currentTarget.value === '' ? null : e.currentTarget.value,
                        })
                      }
                    />
                  </Stack>
                );
              })}
              {canEdit && (
                <Group justify="flex-end">
                  <Button onClick={() => void onSave()} loading={save.isPending}>
                    {t('autoReply.save')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        )
      )}

      <Title order={2}>{t('autoReply.accounts')}</Title>
      {accounts.isError && <ErrorAlert error={accounts.error} />}
      {(accounts.data?.items ?? []).map((a) => (
        <Card withBorder key={a.id} padding="sm">
          <Stack gap={6}>
            <Group justify="space-between">
              <Text fw={600}>
                {a.platform} · @{a.handle}
              </Text>
              <Badge color={a.capabilities.privateMessages ? 'green' : 'orange'} variant="light">
                {a.capabilities.privateMessages ? t('autoReply.canSend') : t('autoReply.cannotSend')}
              </Badge>
            </Group>
            {!a.capabilities.privateMessages && (
              <Alert color="orange" variant="light">
                <Text size="sm">{t('autoReply.howNative', { platform: a.platform })}</Text>
                <Text size="sm" mt={4}>
                  {a.nativeAutoReplyConfigured ? t('autoReply.nativeConfigured') : t('autoReply.nativeMissing')}
                </Text>
              </Alert>
            )}
            <Switch
              size="sm"
              label={t('autoReply.autoHide')}
              description={t('autoReply.autoHideHelp')}
              checked={a.policy.autoHide}
              disabled={!a.canEditPolicy || setPolicy.isPending}
              onChange={(e) =>
                setPolicy.mutate(
                  { id: a.id, autoHide: e.currentTarget.checked },
                  { onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }) },
                )
              }
            />
          </Stack>
        </Card>
      ))}

      <Title order={2}>{t('autoReply.log')}</Title>
      {log.data && log.data.items.length === 0 ? (
        <Text c="dimmed">{t('autoReply.logEmpty')}</Text>
      ) : (
        <Card withBorder padding={0}>
          <DataTable rows={log.data?.items ?? []} columns={logColumns} rowKey={(l) => l.id} />
        </Card>
      )}
    </Stack>
  );
}
