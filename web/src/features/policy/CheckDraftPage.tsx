import { Alert, Card, Checkbox, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentLangs, type ContentLang } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { useMe } from '../../app/session';
import { useInstitution } from '../institutions/institutions.api';
import { FindingsList } from './FindingsList';
import { useLiveCheck } from './policy.api';
import { VariantEditor } from './VariantEditor';

/**
 * "Check a draft": type a post in each language and see, as you type, what the manual says about it —
 * the words at fault highlighted, the article, why and how to fix it. The composer reuses these parts.
 */
export function CheckDraftPage() {
  const { t } = useTranslation('policy');
  const me = useMe().data;
  const institution = useInstitution(me?.user?.institutionId);
  const required = institution.data?.languages ?? (['sq', 'sr'] as ContentLang[]);
  const [texts, setTexts] = useState<Partial<Record<ContentLang, string>>>({});
  const [active, setActive] = useState<ContentLang>('sq');
  const [permission, setPermission] = useState(false);
  const tabs = [...required, ...contentLangs.filter((l) => !required.includes(l))];
  const variants = tabs.filter((l) => (texts[l] ?? '').trim() !== '').map((lang) => ({ lang, text: texts[lang] ?? '' }));
  const check = useLiveCheck({ variants, decisionComment: permission }, true);
  const findings = check.data?.findings ?? [];
  const blocking = findings.filter((f) => f.severity === 'block').length;

  return (
    <Stack gap="md">
      <Title order={1}>{t('check.title')}</Title>
      <Text c="dimmed" maw={820}>
        {t('check.intro')}
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder>
            <VariantEditor
              tabs={tabs}
              required={required}
              active={active}
              onActive={setActive}
              texts={texts}
              onText={(l, value) => setTexts((prev) => ({ ...prev, [l]: value }))}
              findings={variants.length === 0 ? [] : findings}
              labels={{
                text: (lang) => t('check.textLabel', { lang }),
                required: t('check.required'),
                optional: t('check.optional'),
                highlighted: t('check.preview'),
              }}
              maxRows={18}
            />
            <Checkbox mt="md" checked={permission} onChange={(e) => setPermission(e.currentTarget.checked)} label={t('check.permission')} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm" aria-live="polite">
            <Group justify="space-between">
              <Title order={2} size="h4">
                {t('check.findings')}
              </Title>
              {check.isFetching && <Loader size="xs" aria-label={t('check.checking')} />}
            </Group>
            {check.isError && <ErrorAlert error={check.error} />}
            {variants.length === 0 ? (
              <Text c="dimmed">{t('check.empty')}</Text>
            ) : (
              <>
                {blocking > 0 && (
                  <Alert color="red" title={t('check.blockedTitle')}>
                    {t('check.blocked', { count: blocking })}
                  </Alert>
                )}
                <FindingsList findings={findings} />
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
