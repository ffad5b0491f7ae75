import {
  Badge,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  Image,
  Loader,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Media } from '@courtdesk/contracts';
import { MEDIA_LIMITS } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { useMe } from '../../app/session';
import { useMediaLibrary, useSaveProvenance, useUploadMedia } from '../posts/posts.api';

/** The institution's photos and videos with their provenance (art. 4.6): without it nothing is approved. */
export function MediaPage() {
  const { t } = useTranslation('media');
  const me = useMe().data;
  const institutionId = me?.user?.institutionId;
  const library = useMediaLibrary(institutionId);
  const upload = useUploadMedia(institutionId, me?.csrfToken);
  const [editing, setEditing] = useState<Media | null>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('title')}</Title>
          <Text size="sm" c="dimmed">
            {t('intro', {
              image: Math.round(MEDIA_LIMITS.maxImageBytes / 1048576),
              video: Math.round(MEDIA_LIMITS.maxVideoBytes / 1048576),
            })}
          </Text>
        </Stack>
        <FileButton
          onChange={(f) => f && upload.mutate(f, { onSuccess: (m) => setEditing(m) })}
          accept="image/jpeg,image/png,image/webp,video/mp4,video/quicktime,video/webm"
        >
          {(props) => (
            <Button {...props} loading={upload.isPending} data-testid="upload">
              {t('upload')}
            </Button>
          )}
        </FileButton>
      </Group>
      {upload.error && <ErrorAlert error={upload.error} />}
      {library.isLoading && <Loader />}
      {library.data?.items.length === 0 && <Text c="dimmed">{t('empty')}</Text>}
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
        {(library.data?.items ?? []).map((m) => (
          <Card key={m.id} withBorder padding="xs">
            <Card.Section>
              {m.kind === 'image' ? (
                <Image src={`/api/media/${m.id}/thumbnail`} alt={m.altText ?? ''} h={140} fit="cover" />
              ) : (
                <Text p="md">🎞 {m.originalName}</Text>
              )}
            </Card.Section>
            <Text size="sm" mt="xs" lineClamp={1}>
              {m.originalName}
            </Text>
            {m.provenanceMissing.length ? (
              <Badge color="red" size="sm">
                {t('incomplete')}
              </Badge>
            ) : (
              <Badge color="green" size="sm">
                {t('complete')}
              </Badge>
            )}
            {m.canEdit && (
              <Button size="xs" variant="light" mt="xs" onClick={() => setEditing(m)}>
                {t('provenance')}
              </Button>
            )}
          </Card>
        ))}
      </SimpleGrid>
      {editing && <ProvenanceForm media={editing} institutionId={institutionId} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function ProvenanceForm({ media, institutionId, onClose }: { media: Media; institutionId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('media');
  const save = useSaveProvenance(institutionId);
  const [author, setAuthor] = useState(media.author ?? '');
  const [source, setSource] = useState(media.source ?? '');
  const [licence, setLicence] = useState(media.licence ?? '');
  const [ownWork, setOwnWork] = useState(media.ownWork);
  const [people, setPeople] = useState<string>(media.identifiablePeople === null ? '' : media.identifiablePeople ? 'yes' : 'no');
  const [consent, setConsent] = useState<string>(media.consent ?? '');
  const [alt, setAlt] = useState(media.altText ?? '');
  return (
    <Modal opened onClose={onClose} title={t('provenance')} size="lg">
      <Stack>
        <TextInput label={t('author')} value={author} onChange={(e) => setAuthor(e.currentTarget.value)} required />
        <TextInput label={t('source')} value={source} onChange={(e) => setSource(e.currentTarget.value)} />
        <Checkbox label={t('ownWork')} checked={ownWork} onChange={(e) => setOwnWork(e.currentTarget.checked)} />
        {!ownWork && <TextInput label={t('licence')} value={licence} onChange={(e) => setLicence(e.currentTarget.value)} required />}
        <Radio.Group label={t('people')} value={people} onChange={setPeople}>
          <Group mt={4}>
            <Radio value="no" label={t('no')} />
            <Radio value="yes" label={t('yes')} />
          </Group>
        </Radio.Group>
        {people === 'yes' && (
          <Radio.Group label={t('consent')} value={consent} onChange={setConsent}>
            <Group mt={4}>
              <Radio value="obtained" label={t('consentObtained')} />
              <Radio value="missing" label={t('consentMissing')} />
            </Group>
          </Radio.Group>
        )}
        <TextInput label={t('alt')} value={alt} onChange={(e) => setAlt(e.currentTarget.value)} />
        {save.error && <ErrorAlert error={save.error} />}
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              {
                id: media.id,
                body: {
                  author: author || null,
                  source: source || null,
                  licence: ownWork ? null : licence || null,
                  ownWork,
                  identifiablePeople: people === '' ? null : people === 'yes',
                  consent: people === 'yes' ? ((consent || null) as Media['consent']) : null,
                  altText: alt || null,
                },
              },
              { onSuccess: onClose },
            )
          }
        >
          {t('save')}
        </Button>
      </Stack>
    </Modal>
  );
}
