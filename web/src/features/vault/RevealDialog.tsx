import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultSecret } from '@courtdesk/contracts';
import { useErrorMessage } from '../../app/errors';
import { vaultApi, vaultKeys } from './vault.api';

const VISIBLE_SECONDS = 30;

/** Opening a secret: a fresh 2FA code and a reason; the value disappears by itself after 30 seconds. */
export function RevealDialog({ secret, accountId, onClose }: { secret: VaultSecret; accountId: string; onClose: () => void }) {
  const { t } = useTranslation('vault');
  const errorMessage = useErrorMessage();
  const qc = useQueryClient();
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [left, setLeft] = useState(VISIBLE_SECONDS);
  const reveal = useMutation({
    mutationFn: () => vaultApi.reveal(secret.id, { code: code.trim(), reason: reason.trim() }),
    onSettled: () => void qc.invalidateQueries({ queryKey: vaultKeys.account(accountId) }),
  });
  const value = reveal.data?.value ?? null;

  useEffect(() => {
    if (value === null) return;
    const timer = setInterval(() => setLeft((s) => s - 1), 1000);
    return () => clearInterval(timer);
  }, [value]);
  useEffect(() => {
    if (left <= 0) onClose();
  }, [left, onClose]);

  return (
    <Modal opened onClose={onClose} title={t('reveal.title', { label: secret.label })}>
      {value === null ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            reveal.mutate();
          }}
        >
          <Stack>
            <Text size="sm">{t('reveal.intro')}</Text>
            <TextInput
              label={t('reveal.reason')}
              description={t('reveal.reasonHint')}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              minLength={5}
              maxLength={300}
              data-autofocus
            />
            <TextInput
              label={t('reveal.code')}
              required
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              maxLength={12}
            />
            {reveal.isError && <Alert color="red">{errorMessage(reveal.error)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('cancel')}
              </Button>
              <Button type="submit" loading={reveal.isPending} disabled={reason.trim().length < 5 || code.trim().length < 6}>
                {t('reveal.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack>
          <Code block fz="lg" aria-label={t('reveal.valueLabel')}>
            {value}
          </Code>
          <Text size="sm" c="dimmed" role="status">
            {t('reveal.hidesIn', { count: left })}
          </Text>
          <Group justify="flex-end">
            <CopyButton value={value}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('copied') : t('copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('reveal.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
