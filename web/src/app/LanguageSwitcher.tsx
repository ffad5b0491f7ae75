import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UiLocale, uiLocales, type MeResponse } from '@courtdesk/contracts';
import { currentUiLocale, setUiLocale } from '../i18n/i18n';
import { api } from './api';
import { errorMessage } from './errors';
import { meQueryKey, useMe } from './session';

/**
 * "SQ | SR | EN" on every screen. The choice is remembered on this device at once and,
 * for a signed-in user, saved to their profile so it follows them to other devices.
 */
export function LanguageSwitcher({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe().data;

  const savePreference = useMutation({
    mutationFn: (locale: UiLocale) => api.put<unknown>('/api/me/preferences', { locale }),
    onSuccess: (_result, locale) =>
      queryClient.setQueryData<MeResponse>(meQueryKey, (old) => (old?.user ? { ...old, user: { ...old.user, locale } } : old)),
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: t('common:language.saveFailed'),
        message: errorMessage(t, error),
      }),
  });

  const onChange = (value: string) => {
    const parsed = UiLocale.safeParse(value);
    if (!parsed.success) return;
    void setUiLocale(parsed.data);
    if (me?.user && me.user.locale !== parsed.data) {
      savePreference.mutate(parsed.data);
    }
  };

  // Reading i18n.language here keeps the control in step with changes made elsewhere (e.g. at sign-in).
  const value = i18n.language ? currentUiLocale() : 'sq';

  return (
    <SegmentedControl
      size={size}
      value={value}
      onChange={onChange}
      aria-label={t('common:language.label')}
      data={uiLocales.map((locale) => ({
        value: locale,
        label: (
          <>
            <span aria-hidden="true">{t(`common:language.short.${locale}`)}</span>
            <VisuallyHidden>{t(`common:language.name.${locale}`)}</VisuallyHidden>
          </>
        ),
      }))}
    />
  );
}
