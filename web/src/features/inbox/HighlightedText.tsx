import { Text } from '@mantine/core';
import type { ModerationReason } from '@courtdesk/contracts';

/** Splits `text` into plain and highlighted segments at the reasons' offsets (overlaps merged, out-of-range ignored). */
export function segments(
  text: string,
  reasons: Pick<ModerationReason, 'start' | 'end' | 'category'>[],
): Array<{ text: string; mark: string | null }> {
  const ranges = reasons
    .filter((r) => r.end > r.start && r.start >= 0 && r.start < text.length)
    .map((r) => ({ start: r.start, end: Math.min(r.end, text.length), category: r.category }))
    .sort((a, b) => a.start - b.start);
  const out: Array<{ text: string; mark: string | null }> = [];
  let at = 0;
  for (const r of ranges) {
    if (r.end <= at) continue;
    const start = Math.max(r.start, at);
    if (start > at) out.push({ text: text.slice(at, start), mark: null });
    out.push({ text: text.slice(start, r.end), mark: r.category });
    at = r.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: null });
  return out;
}

/**
 * A comment's text with the words behind each reason highlighted. Everything is rendered as React
 * text nodes — a comment containing HTML or `<script>` shows as those characters, never as markup.
 */
export function HighlightedText({ text, reasons, lineClamp }: { text: string; reasons: ModerationReason[]; lineClamp?: number }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={lineClamp}>
      {segments(text, reasons).map((s, i) =>
        s.mark ? (
          <mark
            key={i}
            title={s.mark}
            style={{
              background: 'var(--mantine-color-red-1)',
              color: 'inherit',
              borderBottom: '2px solid var(--mantine-color-red-6)',
              padding: 0,
            }}
          >
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </Text>
  );
}
