import { Badge, Card, Tabs, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContentLang, Finding } from '@courtdesk/contracts';
import { FindingHighlighter } from './FindingHighlighter';

export interface VariantEditorLabels {
  /** The textarea's label for one language, e.g. "Text in Albanian". */
  text(langName: string): string;
  required: string;
  optional: string;
  /** Accessible name of the highlighted copy under the textarea. */
  highlighted: string;
}

/**
 * One tab per language variant of a post: the text, a badge with how many findings it has (red when one
 * blocks), and the words at fault highlighted under it as the officer types. Used by "Check a draft" and
 * by the composer, so both show findings the same way.
 */
export function VariantEditor(props: {
  tabs: readonly ContentLang[];
  required: readonly ContentLang[];
  active: ContentLang;
  onActive(lang: ContentLang): void;
  texts: Partial<Record<ContentLang, string>>;
  onText(lang: ContentLang, value: string): void;
  findings: readonly Finding[];
  labels: VariantEditorLabels;
  maxRows?: number;
}) {
  const { t } = useTranslation('policy');
  const of = (l: ContentLang) => props.findings.filter((f) => f.variant === l);
  return (
    <Tabs value={props.active} onChange={(v) => v && props.onActive(v as ContentLang)}>
      <Tabs.List>
        {props.tabs.map((l) => {
          const mine = of(l);
          const n = mine.length;
          return (
            <Tabs.Tab
              key={l}
              value={l}
              rightSection={
                n > 0 ? (
                  <Badge size="xs" circle color={mine.some((f) => f.severity === 'block') ? 'red' : 'yellow'}>
                    {n}
                  </Badge>
                ) : undefined
              }
            >
              {t(`lang.${l}`)}
              {props.required.includes(l) ? ' *' : ''}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {props.tabs.map((l) => (
        <Tabs.Panel key={l} value={l} pt="sm">
          <Textarea
            label={props.labels.text(t(`lang.${l}`))}
            description={props.required.includes(l) ? props.labels.required : props.labels.optional}
            autosize
            minRows={6}
            maxRows={props.maxRows}
            value={props.texts[l] ?? ''}
            onChange={(e) => props.onText(l, e.currentTarget.value)}
            lang={l}
            data-autofocus
            data-testid={`variant-${l}`}
          />
          {(props.texts[l] ?? '').trim() !== '' && (
            <Card withBorder mt="sm" padding="sm" bg="gray.0" aria-label={props.labels.highlighted}>
              <FindingHighlighter text={props.texts[l] ?? ''} findings={of(l)} lang={l} />
            </Card>
          )}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
