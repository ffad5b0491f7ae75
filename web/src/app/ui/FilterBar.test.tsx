import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { EnumFilter, FilterBar } from './FilterBar';

const colours = ['red', 'green'] as const;

describe('EnumFilter', () => {
  it('shows the chosen value by its label and clears back to no filter', () => {
    const onChange = vi.fn();
    render(
      <MantineProvider>
        <FilterBar>
          <EnumFilter
            label="Colour"
            placeholder="All colours"
            options={colours}
            optionLabel={(c) => c.toUpperCase()}
            value="green"
            onChange={onChange}
            clearButtonProps={{ 'aria-label': 'Clear colour' }}
          />
        </FilterBar>
      </MantineProvider>,
    );
    expect((screen.getByLabelText('Colour', { selector: 'input' }) as HTMLInputElement).value).toBe('GREEN');
    fireEvent.click(screen.getByLabelText('Clear colour'));
    expect(onChange).toHaveBeenCalledWith(null);
  });
});
