import { Badge, Button, Card, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarEntry } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { useCalendar, useReschedule } from '../posts/posts.api';
import { useInstitutionName } from '../institutions/institution-name';
import { useInstitutions } from '../institutions/institutions.api';
import { COURT_TZ, courtParts, fromCourtTime, moveToCourtDay } from '../posts/time';

type View = 'month' | 'week';
interface Day {
  y: number;
  m: number;
  d: number;
  key: string;
}

const key = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Days shown for the view, Monday first, as calendar dates in Europe/Belgrade. */
export function daysFor(view: View, anchor: { y: number; m: number; d: number }): Day[] {
  const base = new Date(Date.UTC(anchor.y, anchor.m - 1, view === 'month' ? 1 : anchor.d));
  const dow = (base.getUTCDay() + 6) % 7;
  const start = new Date(base.getTime() - dow * 86_400_000);
  const count = view === 'week' ? 7 : Math.ceil((dow + new Date(Date.UTC(anchor.y, anchor.m, 0)).getUTCDate()) / 7) * 7;
  return Array.from({ length: count }, (_, i) => {
    const x = new Date(start.getTime() + i * 86_400_000);
    return {
      y: x.getUTCFullYear(),
      m: x.getUTCMonth() + 1,
      d: x.getUTCDate(),
      key: key(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate()),
    };
  });
}

/**
 * Scheduled and published posts by day, in Europe/Belgrade (named on screen). A scheduled post I may
 * publish can be dragged to another day; it keeps its time of day in Europe/Belgrade, seconds included.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation('calendar');
  const now = courtParts(new Date().toISOString());
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState({ y: now.y, m: now.m, d: now.d });
  const days = useMemo(() => daysFor(view, anchor), [view, anchor]);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const range = { from: fromCourtTime(first.y, first.m, first.d, 0, 0), to: fromCourtTime(last.y, last.m, last.d + 1, 0, 0) };
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const institutions = useInstitutions();
  const institutionName = useInstitutionName();
  const cal = useCalendar({ ...range, institutionId: institutionId ?? undefined });
  const [dragging, setDragging] = useState<CalendarEntry | null>(null);
  const reschedule = useReschedule();
  const move = (step: number) =>
    setAnchor((a) => {
      const x = view === 'month' ? new Date(Date.UTC(a.y, a.m - 1 + step, 1)) : new Date(Date.UTC(a.y, a.m - 1, a.d + step * 7));
      return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
    });
  const byDay = new Map<string, CalendarEntry[]>();
  for (const e of cal.data?.items ?? []) {
    const p = courtParts(e.at);
    const k = key(p.y, p.m, p.d);
    byDay.set(k, [...(byDay.get(k) ?? []), e]);
  }
  const title = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(anchor.y, anchor.m - 1, 1)));
  const weekdays = [
    t('weekdays.mon'),
    t('weekdays.tue'),
    t('weekdays.wed'),
    t('weekdays.thu'),
    t('weekdays.fri'),
    t('weekdays.sat'),
    t('weekdays.sun'),
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('title')}</Title>
          <Text size="sm" c="dimmed">
            {t('timeZone', { tz: COURT_TZ })}
          </Text>
        </Stack>
        <Group>
          {(institutions.data?.length ?? 0) > 1 && (
            <Select
              aria-label={t('institution')}
              placeholder={t('allInstitutions')}
              clearable
              searchable
              value={institutionId}
              onChange={setInstitutionId}
              data={(institutions.data ?? []).map((i) => ({ value: i.id, label: institutionName(i) }))}
            />
          )}
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v as View)}
            data={[
              { value: 'month', label: t('month') },
              { value: 'week', label: t('week') },
            ]}
          />
          <Button variant="default" onClick={() => move(-1)} aria-label={t('previous')}>
            ‹
          </Button>
          <Button variant="default" onClick={() => setAnchor({ y: now.y, m: now.m, d: now.d })}>
            {t('today')}
          </Button>
          <Button variant="default" onClick={() => move(1)} aria-label={t('next')}>
            ›
          </Button>
        </Group>
      </Group>
      <Text fw={600}>{title}</Text>
      {cal.error && <ErrorAlert error={cal.error} />}
      {reschedule.error && <ErrorAlert error={reschedule.error} />}
      <SimpleGrid cols={7} spacing={4}>
        {weekdays.map((w) => (
          <Text key={w} size="xs" c="dimmed" ta="center">
            {w}
          </Text>
        ))}
        {days.map((day) => (
          <DayCell
            key={day.key}
            day={day}
            entries={byDay.get(day.key) ?? []}
            outside={view === 'month' && day.m !== anchor.m}
            dragging={dragging}
            setDragging={setDragging}
            tall={view === 'week'}
            onMove={(id, at) => reschedule.mutate({ id, scheduledAt: at })}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function DayCell({
  day,
  entries,
  outside,
  dragging,
  setDragging,
  tall,
  onMove,
}: {
  day: Day;
  entries: CalendarEntry[];
  outside: boolean;
  dragging: CalendarEntry | null;
  setDragging: (e: CalendarEntry | null) => void;
  tall: boolean;
  onMove: (postId: string, at: string) => void;
}) {
  const { i18n } = useTranslation('calendar');
  const [over, setOver] = useState(false);
  const drop = () => {
    setOver(false);
    if (!dragging) return;
    const at = moveToCourtDay(dragging.at, day);
    if (at !== dragging.at) onMove(dragging.postId, at);
    setDragging(null);
  };
  return (
    <Paper
      withBorder
      p={4}
      mih={tall ? 280 : 96}
      bg={over ? 'blue.0' : outside ? 'gray.0' : undefined}
      onDragOver={(e) => {
        if (dragging) {
          e.preventDefault();
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(ev) => {
        ev.preventDefault();
        drop();
      }}
      data-day={day.key}
    >
      <Text size="xs" c={outside ? 'dimmed' : undefined} fw={600}>
        {day.d}
      </Text>
      <Stack gap={2}>
        {entries.map((e) => (
          <Tooltip key={e.postId} label={e.excerpt} multiline maw={300}>
            <Card
              padding={4}
              withBorder
              draggable={e.canReschedule}
              onDragStart={(ev) => {
                ev.dataTransfer.setData('text/plain', e.postId);
                ev.dataTransfer.effectAllowed = 'move';
                setDragging(e);
              }}
              onDragEnd={() => setDragging(null)}
              style={{ cursor: e.canReschedule ? 'grab' : 'default' }}
              component={Link}
              to={`/posts/${e.postId}`}
              data-testid={`cal-${e.postId}`}
            >
              <Group gap={4} wrap="nowrap">
                <Badge size="xs" color={e.status === 'published' ? 'green' : e.status === 'failed' ? 'red' : 'indigo'}>
                  {new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', {
                    hour: '2-digit',
                    minute: '2-digit',
                    timeZone: COURT_TZ,
                  }).format(new Date(e.at))}
                </Badge>
                <Text size="xs" lineClamp={1}>
                  {e.excerpt}
                </Text>
              </Group>
            </Card>
          </Tooltip>
        ))}
      </Stack>
    </Paper>
  );
}
