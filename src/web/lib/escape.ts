import type { KeyboardEvent } from 'react';

/**
 * Escape inside a popover that holds selects and date pickers: the first press closes the open
 * dropdown only, a second press closes the popover.
 */
export const onEscapeUnlessNested = (close: () => void) => (e: KeyboardEvent<HTMLElement>) => {
  if (e.key !== 'Escape') return;
  const root = e.currentTarget;
  const nestedOpen = root.querySelector('[aria-expanded="true"], .mantine-Popover-dropdown, .mantine-Combobox-dropdown');
  if (!nestedOpen) close();
};
