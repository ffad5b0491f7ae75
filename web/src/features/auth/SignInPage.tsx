import { useState, type FormEvent } from 'react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoginBody } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { invalidFields } from '../../app/form-errors';
import { AuthTitle } from './AuthLayout';
import { useLogin } from './auth.api';

/** E-mail and password; the server's answer decides whether 2FA or enrolment comes next. */
export function SignInPage() {
  const { t } = useTranslation('auth');
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [invalid, setInvalid] = useState<Set<string>>(new Set());

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = LoginBody.safeParse({ email, password });
    if (!parsed.success) {
      setInvalid(invalidFields(parsed.error));
      return;
    }
    setInvalid(new Set());
    login.mutate(parsed.data);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="sign-in-title">
      <AuthTitle>
        <span id="sign-in-title">{t('signIn.title')}</span>
      </AuthTitle>
      <Stack gap="md">
        <ErrorAlert error={login.error} title={t('signIn.failed')} />
        <TextInput
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={invalid.has('email') ? t('signIn.emailInvalid') : undefined}
        />
        <PasswordInput
          label={t('signIn.password')}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={invalid.has('password') ? t('signIn.passwordRequired') : undefined}
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
