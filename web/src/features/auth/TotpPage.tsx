import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TotpBody } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { useSignOut } from '../../app/session';
import { AuthTitle } from './AuthLayout';
import { useVerifyTotp } from './auth.api';

type Mode = 'app' | 'recovery';

/** Second step of sign-in: a 6-digit code from the authenticator app, or one recovery code. */
export function TotpPage() {
  const { t } = useTranslation('auth');
  const verify = useVerifyTotp();
  const signOut = useSignOut();
  const [mode, setMode] = useState<Mode>('app');
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = mode === 'app' ? code.replace(/\s/g, '') : code.trim();
    const ok = mode === 'app' ? /^\d{6}$/.test(value) : TotpBody.safeParse({ code: value }).success;
    setInvalid(!ok);
    if (ok) verify.mutate(value);
  };

  const switchMode = () => {
    setMode(mode === 'app' ? 'recovery' : 'app');
    setCode('');
    setInvalid(false);
    verify.reset();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <AuthTitle>{t('totp.title')}</AuthTitle>
      <Stack gap="md">
        <Text size="sm">{mode === 'app' ? t('totp.introApp') : t('totp.introRecovery')}</Text>
        <ErrorAlert error={verify.error} />
        {mode === 'app' ? (
          <TextInput
            key="app"
            label={t('totp.codeLabel')}
            description={t('totp.codeHint')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={invalid ? t('totp.codeInvalid') : undefined}
          />
        ) : (
          <TextInput
            key="recovery"
            label={t('totp.recoveryLabel')}
            name="recoveryCode"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={invalid ? t('totp.recoveryInvalid') : undefined}
          />
        )}
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t('totp.submit')}
        </Button>
        <Group justify="space-between" gap="xs">
          <Anchor component="button" type="button" size="sm" onClick={switchMode}>
            {mode === 'app' ? t('totp.useRecovery') : t('totp.useApp')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => signOut.mutate(false)}>
            {t('totp.cancel')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
