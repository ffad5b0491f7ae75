import type { ReactNode } from 'react';
import { Group, Select, type SelectProps } from '@mantine/core';

/** The row of filters above a list; the fields line up on their baseline and wrap on narrow screens. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      {children}
    </Group>
  );
}

/** Props of {@link EnumFilter}. */
export interface EnumFilterProps<V extends string> extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  options: readonly V[];
  optionLabel: (value: V) => string;
  value: V | null | undefined;
  /** Called with one of `options`, or null when cleared. */
  onChange: (value: V | null) => void;
  /** Width from the `sm` breakpoint up; full width below it. */
  width?: number;
}

/** A clearable filter over a fixed set of values (an enum), each shown by its label in the user's language. */
export function EnumFilter<V extends string>({ options, optionLabel, value, onChange, width, ...props }: EnumFilterProps<V>) {
  return (
    <Select
      data={options.map((v) => ({ value: v, label: optionLabel(v) }))}
      value={value ?? null}
      onChange={(v) => onChange(v as V | null)}
      clearable
      w={width ? { base: '100%', sm: width } : undefined}
      {...props}
    />
  );
}
