import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors';
import { usePublishingState, useSetPaused } from './posts.api';
import { formatCourtTime } from './time';

/** The judiciary-wide "pause all publishing" switch (KJC leadership), with a reason that is audited. */
export function PauseSwitch() {
  const { t, i18n } = useTranslation('posts');
  const state = usePublishingState();
  const set = useSetPaused();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const s = state.data;
  if (!s) return null;
  return (
    <>
      {s.paused && (
        <Alert color="orange" title={t('pause.pausedTitle')} data-testid="publishing-paused">
          <Text size="sm">
            {t('pause.pausedBody', { reason: s.reason ?? '', at: s.changedAt ? formatCourtTime(s.changedAt, i18n.language) : '' })}
          </Text>
        </Alert>
      )}
      {s.canToggle && (
        <Group>
          <Button color={s.paused ? 'green' : 'orange'} variant="light" onClick={() => setOpen(true)}>
            {s.paused ? t('pause.resume') : t('pause.pause')}
          </Button>
        </Group>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={s.paused ? t('pause.resume') : t('pause.pause')}>
        <Stack>
          <Text size="sm">{s.paused ? t('pause.resumeHelp') : t('pause.pauseHelp')}</Text>
          <Textarea label={t('pause.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} minRows={2} autosize />
          {set.error && <ErrorAlert error={set.error} />}
          <Button
            loading={set.isPending}
            disabled={reason.trim().length < 5}
            onClick={() => set.mutate({ paused: !s.paused, reason }, { onSuccess: () => (setOpen(false), setReason('')) })}
          >
            {t('pause.confirm')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
