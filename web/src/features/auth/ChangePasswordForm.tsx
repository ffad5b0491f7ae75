import { useState, type FormEvent } from 'react';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { invalidFields } from '../../app/form-errors';
import { useChangePassword } from './auth.api';

/** Current password, new password (twice). */
export function ChangePasswordForm() {
  const { t } = useTranslation('auth');
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [invalid, setInvalid] = useState<Set<string>>(new Set());

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ChangePasswordBody.safeParse({ currentPassword, newPassword });
    const fields = parsed.success ? new Set<string>() : invalidFields(parsed.error);
    if (repeat !== newPassword) fields.add('repeat');
    setInvalid(fields);
    if (!parsed.success || fields.size > 0) return;
    change.mutate(parsed.data, {
      onSuccess: () => {
        setCurrent('');
        setNew('');
        setRepeat('');
        notifications.show({ color: 'green', message: t('password.changed') });
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm" maw={420}>
        <ErrorAlert error={change.error} />
        <PasswordInput
          label={t('password.current')}
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={invalid.has('currentPassword') ? t('password.currentRequired') : undefined}
        />
        <PasswordInput
          label={t('password.new')}
          description={t('password.newHint')}
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          error={invalid.has('newPassword') ? t('password.newTooShort') : undefined}
        />
        <PasswordInput
          label={t('password.repeat')}
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={invalid.has('repeat') ? t('password.mismatch') : undefined}
        />
        <Button type="submit" loading={change.isPending} w="fit-content">
          {t('password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
