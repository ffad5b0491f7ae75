import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Code, CopyButton, Group, Image, List, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors';
import { useConfirmEnrolment, useStartEnrolment } from './auth.api';

/** Splits a base32 secret into groups of four so it can be typed without losing one's place. */
function groupSecret(secret: string): string {
  return secret
    .replace(/\s/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();
}

function downloadCodes(codes: string[], fileName: string): void {
  const blob = new Blob([codes.join('\n') + '\n'], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** The recovery codes, shown once, with a confirmation that they were saved. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation('auth');
  const [saved, setSaved] = useState(false);
  return (
    <Stack gap="md">
      <Alert color="yellow" title={t('enrol.codesTitle')}>
        {t('enrol.codesIntro')}
      </Alert>
      <SimpleGrid cols={2} spacing="xs" component="ul" style={{ listStyle: 'none', padding: 0 }}>
        {codes.map((code) => (
          <li key={code}>
            <Code fz="md">{code}</Code>
          </li>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="light" size="xs" onClick={copy}>
              {copied ? t('enrol.copied') : t('enrol.copyCodes')}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" size="xs" onClick={() => downloadCodes(codes, 'courtdesk-recovery-codes.txt')}>
          {t('enrol.downloadCodes')}
        </Button>
      </Group>
      <Checkbox label={t('enrol.savedConfirm')} checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
      <Button onClick={onDone} disabled={!saved}>
        {t('enrol.continue')}
      </Button>
    </Stack>
  );
}

/**
 * Setting up two-factor authentication: start → scan the QR code (or type the secret) →
 * confirm with a code → save the recovery codes. Used at sign-in (stage `enrol`) and on the Security page.
 */
export function EnrolFlow({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('auth');
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);

  if (confirm.data) {
    return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={onDone} />;
  }

  if (!start.data) {
    return (
      <Stack gap="md">
        <Text size="sm">{t('enrol.intro')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('enrol.step1')}</List.Item>
          <List.Item>{t('enrol.step2')}</List.Item>
          <List.Item>{t('enrol.step3')}</List.Item>
        </List>
        <ErrorAlert error={start.error} />
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('enrol.begin')}
        </Button>
      </Stack>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = code.replace(/\s/g, '');
    const ok = /^\d{6}$/.test(value);
    setInvalid(!ok);
    if (ok) confirm.mutate(value);
  };

  const { secret, qrDataUrl } = start.data;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('enrol.scan')}</Text>
        <Image src={qrDataUrl} alt={t('enrol.qrAlt')} w={200} h={200} fit="contain" mx="auto" radius="sm" />
        <Stack gap={4}>
          <Text size="sm" id="enrol-secret-label">
            {t('enrol.manual')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code fz="md" aria-labelledby="enrol-secret-label" style={{ wordBreak: 'break-all' }}>
              {groupSecret(secret)}
            </Code>
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button variant="subtle" size="xs" onClick={copy}>
                  {copied ? t('enrol.copied') : t('enrol.copySecret')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
        <ErrorAlert error={confirm.error} />
        <TextInput
          label={t('enrol.codeLabel')}
          description={t('totp.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={invalid ? t('totp.codeInvalid') : undefined}
        />
        <Button type="submit" loading={confirm.isPending}>
          {t('enrol.confirm')}
        </Button>
      </Stack>
    </form>
  );
}
