import { Alert, Anchor, Button, Card, Checkbox, Grid, Group, Loader, MultiSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { contentLangs, type ContentLang, type Post } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { useMe } from '../../app/session';
import { useInstitution } from '../institutions/institutions.api';
import { VariantEditor } from '../policy/VariantEditor';
import { FindingsList } from '../policy/FindingsList';
import { useMediaLibrary, usePlatforms, usePost, usePostCheck, useSavePost, useTargetAccounts } from '../posts/posts.api';
import { PlatformPreview } from './PlatformPreview';

type Texts = Partial<Record<ContentLang, string>>;

/**
 * The composer: one version per language (the institution's required languages are there from the
 * start), the accounts to publish on, photos from the library, per-platform previews with counters, and
 * the manual's findings highlighted in the text as the officer types.
 */
export function ComposerPage() {
  const { id } = useParams();
  const existing = usePost(id);
  if (id && !existing.data) return existing.error ? <ErrorAlert error={existing.error} /> : <Loader />;
  return <Composer key={id ?? 'new'} post={existing.data ?? null} />;
}

function Composer({ post }: { post: Post | null }) {
  const { t } = useTranslation('posts');
  const navigate = useNavigate();
  const me = useMe().data?.user;
  const institutionId = post?.institutionId ?? me?.institutionId;
  const institution = useInstitution(institutionId);
  const required = (post?.requiredLanguages ?? institution.data?.languages ?? ['sq', 'sr']) as ContentLang[];
  const [texts, setTexts] = useState<Texts>(() => Object.fromEntries((post?.variants ?? []).map((v) => [v.lang, v.text])));
  const [extra, setExtra] = useState<ContentLang[]>(() => (post?.variants ?? []).map((v) => v.lang));
  const [active, setActive] = useState<ContentLang>(required[0] ?? 'sq');
  const [accountIds, setAccountIds] = useState<string[]>(post?.targets.map((x) => x.accountId) ?? []);
  const [mediaIds, setMediaIds] = useState<string[]>(post?.media.map((m) => m.id) ?? []);
  const [link, setLink] = useState(post?.link ?? '');
  const [onDecision, setOnDecision] = useState(post?.commentsOnDecision ?? false);
  const accounts = useTargetAccounts(institutionId);
  const platforms = usePlatforms();
  const library = useMediaLibrary(institutionId);
  const save = useSavePost(post?.id);

  const tabs = [...new Set([...required, ...extra])];
  // Until the institution's languages arrive, the active tab may not exist yet: show the first one.
  const shown = tabs.includes(active) ? active : (tabs[0] ?? 'sq');
  const variants = tabs.map((lang) => ({ lang, text: texts[lang] ?? '' }));
  const check = usePostCheck({
    institutionId,
    variants: variants.filter((v) => v.text.trim()),
    commentsOnDecision: onDecision,
    postId: post?.id,
  });
  const findings = check.data?.findings ?? [];
  const composed = variants
    .map((v) => v.text.trim())
    .filter(Boolean)
    .join('\n\n');
  const chosen = useMemo(() => (accounts.data?.items ?? []).filter((a) => accountIds.includes(a.id)), [accounts.data, accountIds]);
  const addable = contentLangs.filter((l) => !tabs.includes(l));

  const submit = () =>
    save.mutate(
      {
        ...(post ? {} : { institutionId: institutionId! }),
        variants,
        accountIds,
        mediaIds,
        link: link.trim() || null,
        commentsOnDecision: onDecision,
      },
      { onSuccess: (p) => void navigate(`/posts/${p.id}`) },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{post ? t('composer.editTitle') : t('composer.newTitle')}</Title>
        {post && post.status !== 'draft' && (
          <Alert color="yellow" p="xs">
            {t('composer.backToDraft')}
          </Alert>
        )}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder>
              <VariantEditor
                tabs={tabs}
                required={required}
                active={shown}
                onActive={setActive}
                texts={texts}
                onText={(l, value) => setTexts((old) => ({ ...old, [l]: value }))}
                findings={findings}
                labels={{
                  text: (lang) => t('composer.textLabel', { lang }),
                  required: t('composer.required'),
                  optional: t('composer.optional'),
                  highlighted: t('composer.highlighted'),
                }}
              />
              {addable.length > 0 && (
                <Group gap="xs" mt="sm">
                  <Text size="sm" c="dimmed">
                    {t('composer.addLanguage')}
                  </Text>
                  {addable.map((l) => (
                    <Button key={l} size="compact-xs" variant="default" onClick={() => (setExtra((e) => [...e, l]), setActive(l))}>
                      {t(`lang.${l}`)}
                    </Button>
                  ))}
                </Group>
              )}
            </Card>
            <Card withBorder>
              <Stack gap="sm">
                <Text fw={600}>{t('composer.accounts')}</Text>
                {accounts.isLoading && <Loader size="sm" />}
                {(accounts.data?.items ?? []).length === 0 && !accounts.isLoading && <Text c="dimmed">{t('composer.noAccounts')}</Text>}
                {(accounts.data?.items ?? []).map((a) => (
                  <Checkbox
                    key={a.id}
                    label={`${a.displayName} (@${a.handle}, ${a.platform})`}
                    description={a.canPublish ? undefined : t('composer.noRight')}
                    disabled={!a.canPublish}
                    checked={accountIds.includes(a.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setAccountIds((ids) => (on ? [...ids, a.id] : ids.filter((x) => x !== a.id)));
                    }}
                  />
                ))}
                <MultiSelect
                  label={t('composer.media')}
                  description={
                    <Anchor component={Link} to="/media" size="xs">
                      {t('composer.openLibrary')}
                    </Anchor>
                  }
                  data={(library.data?.items ?? []).map((m) => ({
                    value: m.id,
                    label: `${m.originalName}${m.provenanceMissing.length ? ` — ${t('media.incomplete')}` : ''}`,
                  }))}
                  value={mediaIds}
                  onChange={setMediaIds}
                  searchable
                  clearable
                />
                <TextInput
                  label={t('composer.link')}
                  placeholder="https://"
                  value={link}
                  onChange={(e) => setLink(e.currentTarget.value)}
                />
                <Checkbox
                  label={t('composer.onDecision')}
                  description={t('composer.onDecisionHelp')}
                  checked={onDecision}
                  onChange={(e) => setOnDecision(e.currentTarget.checked)}
                />
              </Stack>
            </Card>
            {save.error && <ErrorAlert error={save.error} />}
            <Group>
              <Button onClick={submit} loading={save.isPending} disabled={!institutionId} data-testid="save-post">
                {t('composer.save')}
              </Button>
              <Button variant="default" component={Link} to={post ? `/posts/${post.id}` : '/posts'}>
                {t('composer.cancel')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Card withBorder>
              <Group justify="space-between" mb="xs">
                <Text fw={600}>{t('composer.findings')}</Text>
                {check.isFetching && <Loader size="xs" />}
              </Group>
              {(check.data?.missingLanguages ?? []).length > 0 && (
                <Alert color="red" mb="sm" data-testid="missing-languages">
                  {t('composer.missingLanguages', { langs: (check.data?.missingLanguages ?? []).map((l) => t(`lang.${l}`)).join(', ') })}
                </Alert>
              )}
              <FindingsList findings={findings} />
            </Card>
            <Card withBorder>
              <Text fw={600} mb="xs">
                {t('composer.previews')}
              </Text>
              <PlatformPreview text={composed} accounts={chosen} platforms={platforms.data?.items ?? []} mediaCount={mediaIds.length} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
