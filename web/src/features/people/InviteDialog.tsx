import { useState, type FormEvent } from 'react';
import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InviteBody, Position, uiLocales } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { invalidFields } from '../../app/form-errors';
import { useCurrentUser } from '../../app/session';
import { useInstitutionName } from '../institutions/institution-name';
import { useInstitutions } from '../institutions/institutions.api';
import { useInvitePerson } from './people.api';

interface Props {
  opened: boolean;
  onClose: () => void;
}

function TemporaryPassword({ name, password, onClose }: { name: string; password: string; onClose: () => void }) {
  const { t } = useTranslation('people');
  return (
    <Stack gap="md">
      <Alert color="yellow" title={t('invite.createdTitle', { name })}>
        {t('invite.createdText')}
      </Alert>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="temp-password-label">
          {t('invite.temporaryPassword')}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Code fz="lg" aria-labelledby="temp-password-label" style={{ wordBreak: 'break-all' }}>
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? t('invite.copied') : t('invite.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
      <Button onClick={onClose}>{t('invite.done')}</Button>
    </Stack>
  );
}

/** Invites a person to Courtdesk; the temporary password is shown once, then forgotten. */
export function InviteDialog({ opened, onClose }: Props) {
  const { t } = useTranslation('people');
  const user = useCurrentUser();
  const institutions = useInstitutions();
  const institutionName = useInstitutionName();
  const invite = useInvitePerson();
  const [values, setValues] = useState({
    institutionId: user.institutionId,
    name: '',
    email: '',
    position: 'court_officer' as string,
    locale: 'sq' as string,
  });
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const set = (field: keyof typeof values) => (value: string | null) => setValues((old) => ({ ...old, [field]: value ?? '' }));

  const close = () => {
    onClose();
    // Forget the temporary password and the form once the dialog is closed.
    invite.reset();
    setValues((old) => ({ ...old, name: '', email: '' }));
    setInvalid(new Set());
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = InviteBody.safeParse(values);
    if (!parsed.success) {
      setInvalid(invalidFields(parsed.error));
      return;
    }
    setInvalid(new Set());
    invite.mutate(parsed.data);
  };

  const result = invite.data;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('invite.title')}
      size="lg"
      closeOnClickOutside={!result}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {result ? (
        <TemporaryPassword name={result.person.name} password={result.temporaryPassword} onClose={close} />
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('invite.intro')}
            </Text>
            <ErrorAlert error={invite.error} />
            <Select
              label={t('field.institution')}
              data={(institutions.data ?? []).map((i) => ({ value: i.id, label: institutionName(i) }))}
              value={values.institutionId}
              onChange={set('institutionId')}
              searchable
              required
              allowDeselect={false}
              error={invalid.has('institutionId') ? t('invite.error.institutionId') : undefined}
            />
            <TextInput
              label={t('field.name')}
              required
              autoComplete="off"
              data-autofocus
              value={values.name}
              onChange={(e) => set('name')(e.currentTarget.value)}
              error={invalid.has('name') ? t('invite.error.name') : undefined}
            />
            <TextInput
              label={t('field.email')}
              description={t('invite.emailHint')}
              type="email"
              required
              autoComplete="off"
              value={values.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
              error={invalid.has('email') ? t('invite.error.email') : undefined}
            />
            <Select
              label={t('field.position')}
              data={Position.options.map((p) => ({ value: p, label: t(`position.${p}`) }))}
              value={values.position}
              onChange={set('position')}
              required
              allowDeselect={false}
              error={invalid.has('position') ? t('invite.error.position') : undefined}
            />
            <Select
              label={t('field.locale')}
              data={uiLocales.map((l) => ({ value: l, label: t(`common:language.name.${l}`) }))}
              value={values.locale}
              onChange={set('locale')}
              allowDeselect={false}
            />
            <Group justify="flex-end" gap="sm" mt="sm">
              <Button variant="default" onClick={close} type="button">
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending}>
                {t('invite.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
