import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { InstitutionUpdateBody, contentLangs, type ContentLang } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { invalidFields } from '../../app/form-errors';
import { useUpdateInstitution, type InstitutionDetail } from './institutions.api';

const textFields = ['address', 'postalCode', 'phone', 'email', 'website'] as const;
type TextField = (typeof textFields)[number];

const inputProps: Record<TextField, { type?: string; autoComplete: string; inputMode?: 'tel' | 'numeric' | 'email' | 'url' }> = {
  address: { autoComplete: 'street-address' },
  postalCode: { autoComplete: 'postal-code', inputMode: 'numeric' },
  phone: { type: 'tel', autoComplete: 'tel', inputMode: 'tel' },
  email: { type: 'email', autoComplete: 'email', inputMode: 'email' },
  website: { type: 'url', autoComplete: 'url', inputMode: 'url' },
};

interface Props {
  institution: InstitutionDetail;
  onDone: () => void;
}

/**
 * The contact details the manual requires on every official account (art. 3.6) and the languages
 * in official use. Validated with the same zod schema as the server; disabled without `canEdit`.
 */
export function InstitutionContactForm({ institution, onDone }: Props) {
  const { t } = useTranslation('institutions');
  const update = useUpdateInstitution(institution.id);
  const [values, setValues] = useState<Record<TextField, string>>(() => ({
    address: institution.address ?? '',
    postalCode: institution.postalCode ?? '',
    phone: institution.phone ?? '',
    email: institution.email ?? '',
    website: institution.website ?? '',
  }));
  const [languages, setLanguages] = useState<string[]>(institution.languages);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = InstitutionUpdateBody.safeParse({ ...values, languages });
    if (!parsed.success) {
      setInvalid(invalidFields(parsed.error));
      return;
    }
    setInvalid(new Set());
    update.mutate(parsed.data, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('form.saved') });
        onDone();
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Fieldset legend={t('form.legend')} disabled={!institution.canEdit || update.isPending}>
        <Stack gap="sm">
          <ErrorAlert error={update.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {textFields.map((field) => (
              <TextInput
                key={field}
                label={t(`field.${field}`)}
                description={t(`form.hint.${field}`)}
                {...inputProps[field]}
                value={values[field]}
                onChange={(e) => {
                  const next = e.currentTarget.value;
                  setValues((old) => ({ ...old, [field]: next }));
                }}
                error={invalid.has(field) ? t(`form.error.${field}`) : undefined}
              />
            ))}
          </SimpleGrid>
          <Checkbox.Group
            label={t('field.languages')}
            description={t('form.hint.languages')}
            value={languages}
            onChange={setLanguages}
            error={invalid.has('languages') ? t('form.error.languages') : undefined}
          >
            <Group gap="md" mt={6}>
              {contentLangs.map((lang: ContentLang) => (
                <Checkbox key={lang} value={lang} label={t(`common:contentLanguage.${lang}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group gap="sm" mt="xs">
            <Button type="submit" loading={update.isPending} disabled={!institution.canEdit}>
              {t('form.save')}
            </Button>
            <Button variant="default" onClick={onDone} type="button">
              {t('common:actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
