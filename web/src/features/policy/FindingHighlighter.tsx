import { Mark, Text, Tooltip } from '@mantine/core';
import type { Finding } from '@courtdesk/contracts';
import type { ReactNode } from 'react';

/** Splits `text` into plain runs and marked runs for the findings that fall inside it (overlaps merged). */
export function segments(text: string, findings: Pick<Finding, 'start' | 'end' | 'severity' | 'article' | 'message'>[]) {
  const marks = findings
    .filter((f) => f.end > f.start && f.start >= 0 && f.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { text: string; findings: typeof marks }[] = [];
  let pos = 0;
  let i = 0;
  while (i < marks.length) {
    const first = marks[i]!;
    let end = first.end;
    const group = [first];
    i++;
    while (i < marks.length && marks[i]!.start < end) {
      end = Math.max(end, marks[i]!.end);
      group.push(marks[i]!);
      i++;
    }
    const start = Math.max(first.start, pos);
    if (start > pos) out.push({ text: text.slice(pos, start), findings: [] });
    if (end > start) out.push({ text: text.slice(start, end), findings: group });
    pos = Math.max(pos, end);
  }
  if (pos < text.length) out.push({ text: text.slice(pos), findings: [] });
  return out;
}

/**
 * The text with the words at fault highlighted (red for `block`, yellow for `warn`), each mark naming its
 * article. Rendered as text nodes only — never as HTML — so a post can contain anything safely.
 */
export function FindingHighlighter({ text, findings, lang }: { text: string; findings: Finding[]; lang?: string }) {
  const parts: ReactNode[] = segments(text, findings).map((s, idx) => {
    if (s.findings.length === 0) return <span key={idx}>{s.text}</span>;
    const blocking = s.findings.some((f) => f.severity === 'block');
    const label = s.findings.map((f) => `art. ${f.article}: ${f.message}`).join('\n');
    return (
      <Tooltip key={idx} label={label} multiline maw={360} withArrow>
        <Mark color={blocking ? 'red' : 'yellow'} data-article={s.findings.map((f) => f.article).join(' ')} aria-label={label} tabIndex={0}>
          {s.text}
        </Mark>
      </Tooltip>
    );
  });
  return (
    <Text component="div" lang={lang} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {parts}
    </Text>
  );
}
