import { useState } from 'react';
import { Alert, Button, Card, FileInput, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useAuthorityError } from '../decisions/authority-ui';
import { fileToBase64 } from '../decisions/decisions.api';
import { useBrandKit, useUpdateBrandKit } from './accounts.api';

/** The institution's unified handle (art. 5.2) and approved logo (art. 5.3–5.4) that the checks compare with. */
export function BrandKitCard({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation('accounts');
  const explain = useAuthorityError();
  const kit = useBrandKit(institutionId);
  const save = useUpdateBrandKit(institutionId);
  const [handle, setHandle] = useState<string | null>(null);
  const [logo, setLogo] = useState<File | null>(null);
  if (!kit.data) return null;
  const submit = async () => {
    const body = {
      ...(handle !== null ? { handle: handle.trim() || null } : {}),
      ...(logo ? { logo: { contentBase64: await fileToBase64(logo) } } : {}),
    };
    save.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('brandKit.saved') });
        setLogo(null);
        setHandle(null);
      },
    });
  };
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb="xs">
        {t('brandKit.title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm">
          {t('brandKit.handle', { handle: kit.data.handle ?? kit.data.suggestedHandle })}
          {!kit.data.handle && ` (${t('brandKit.suggested')})`}
        </Text>
        <Text size="sm">{kit.data.hasLogo ? t('brandKit.hasLogo') : t('brandKit.noLogo')}</Text>
        {kit.data.canEdit && (
          <>
            <Group grow align="flex-end">
              <TextInput
                label={t('brandKit.handleLabel')}
                placeholder={kit.data.suggestedHandle}
                value={handle ?? kit.data.handle ?? ''}
                onChange={(e) => setHandle(e.currentTarget.value)}
                leftSection="@"
              />
              <FileInput
                label={t('brandKit.logoLabel')}
                accept="image/png,image/jpeg,image/webp"
                value={logo}
                onChange={setLogo}
                clearable
              />
            </Group>
            {save.error && (
              <Alert color="red" role="alert">
                {explain(save.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button size="xs" onClick={() => void submit()} loading={save.isPending} disabled={handle === null && !logo}>
                {t('brandKit.save')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
