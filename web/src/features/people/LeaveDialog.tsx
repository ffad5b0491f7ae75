import { useState, type FormEvent } from 'react';
import { Button, Group, List, Modal, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LeaveBody } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { invalidFields } from '../../app/form-errors';
import { useMarkLeft, type PersonRow } from './people.api';

type LeaveStatus = LeaveBody['status'];

interface Props {
  person: PersonRow | null;
  onClose: () => void;
}

/**
 * Marks a person as resigned or dismissed, after saying plainly what follows (art. 5.7):
 * sessions end, rights are revoked, an off-boarding checklist opens. Nothing is deleted.
 */
export function LeaveDialog({ person, onClose }: Props) {
  const { t } = useTranslation('people');
  const markLeft = useMarkLeft();
  const [status, setStatus] = useState<LeaveStatus>('resigned');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<Set<string>>(new Set());

  const close = () => {
    onClose();
    markLeft.reset();
    setStatus('resigned');
    setDate('');
    setReason('');
    setInvalid(new Set());
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!person) return;
    const parsed = LeaveBody.safeParse({
      status,
      date: date || undefined,
      reason: reason.trim() || undefined,
    });
    if (!parsed.success) {
      setInvalid(invalidFields(parsed.error));
      return;
    }
    markLeft.mutate(
      { personId: person.id, body: parsed.data },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t(`leave.done.${status}`, { name: person.name }),
          });
          close();
        },
      },
    );
  };

  return (
    <Modal
      opened={person !== null}
      onClose={close}
      title={person ? t('leave.title', { name: person.name }) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {person && (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <Radio.Group
              label={t('leave.statusLabel')}
              value={status}
              onChange={(v) => setStatus(v === 'dismissed' ? 'dismissed' : 'resigned')}
              required
            >
              <Group gap="lg" mt={6}>
                <Radio value="resigned" label={t('status.resigned')} />
                <Radio value="dismissed" label={t('status.dismissed')} />
              </Group>
            </Radio.Group>
            <TextInput
              type="date"
              label={t('leave.date')}
              description={t('leave.dateHint')}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={invalid.has('date') ? t('leave.dateInvalid') : undefined}
            />
            <Textarea
              label={t('leave.reason')}
              description={t('leave.reasonHint')}
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={invalid.has('reason') ? t('leave.reasonTooLong') : undefined}
            />
            <Text size="sm" fw={600} mt="xs">
              {t('leave.whatHappens', { name: person.name })}
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>{t('leave.consequence.sessions', { name: person.name })}</List.Item>
              <List.Item>{t('leave.consequence.rights')}</List.Item>
              <List.Item>{t('leave.consequence.offboarding')}</List.Item>
              <List.Item>{t('leave.consequence.history')}</List.Item>
            </List>
            <ErrorAlert error={markLeft.error} />
            <Group justify="flex-end" gap="sm" mt="sm">
              <Button variant="default" onClick={close} type="button" data-autofocus>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" color="red" loading={markLeft.isPending}>
                {t(`leave.confirm.${status}`)}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
