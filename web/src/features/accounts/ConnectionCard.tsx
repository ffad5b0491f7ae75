import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
import { useAuthorityError } from '../decisions/authority-ui';
import { useConnection, useConnectionActions } from './connection.api';

/**
 * The account's connection to its platform's API (art. 4.9 keeps passwords in the vault; API tokens are
 * used by the system only): write-only — values can be set, replaced or removed, never read back.
 * Shown only when the platform's connector asks for credentials.
 */
export function ConnectionCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation('accounts');
  const formatDate = useFormatDate();
  const explain = useAuthorityError();
  const q = useConnection(accountId);
  const act = useConnectionActions(accountId);
  const [values, setValues] = useState<Record<string, string>>({});
  const c = q.data;
  if (!c?.needed) return null;
  const label = (key: string, fallback: string) => t(`connection.field.${key}`, { defaultValue: fallback });
  const missing = c.fields.some((f) => f.required && !values[f.key]?.trim());
  const save = () =>
    act.set.mutate(
      { values },
      {
        onSuccess: () => {
          setValues({});
          notifications.show({ color: 'green', message: t('connection.saved') });
        },
      },
    );
  const error = act.set.error ?? act.remove.error;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {t('connection.title')}
        </Title>
        <Badge color={c.connected ? 'green' : 'orange'} variant="light">
          {c.connected ? t('connection.connected') : t('connection.notConnected')}
        </Badge>
      </Group>
      <Stack gap="xs">
        {c.setBy && c.setAt && <Text size="sm">{t('connection.setBy', { name: c.setBy.name, date: formatDate(c.setAt) })}</Text>}
        {c.fields.map((f) => (
          <Text key={f.key} size="sm">
            {label(f.key, f.label)}: {f.set ? t('connection.fieldSet') : t('connection.fieldNotSet')}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {t('connection.writeOnly')}
        </Text>
        {act.check.data && (
          <Alert color={act.check.data.ok ? 'green' : 'red'} role="status">
            {act.check.data.ok
              ? t('connection.checkOk')
              : t('connection.checkFailed', { message: act.check.data.message ?? act.check.data.code ?? '' })}
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {explain(error)}
          </Alert>
        )}
        {c.canManage ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!missing) save();
            }}
          >
            <Stack gap="xs">
              {c.fields.map((f) => {
                const Input = f.secret ? PasswordInput : TextInput;
                return (
                  <Input
                    key={f.key}
                    label={label(f.key, f.label)}
                    required={f.required}
                    autoComplete="off"
                    value={values[f.key] ?? ''}
                    onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.currentTarget.value }))}
                  />
                );
              })}
              <Group>
                <Button type="submit" disabled={missing} loading={act.set.isPending}>
                  {c.connected ? t('connection.replace') : t('connection.save')}
                </Button>
                {c.connected && (
                  <Button variant="default" loading={act.check.isPending} onClick={() => act.check.mutate()}>
                    {t('connection.check')}
                  </Button>
                )}
                {c.connected && (
                  <Button color="red" variant="subtle" loading={act.remove.isPending} onClick={() => act.remove.mutate()}>
                    {t('connection.remove')}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        ) : (
          <Text size="xs" c="dimmed">
            {t('connection.onlyAdmins')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
