import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

/** `2024-03-01` or an ISO timestamp → `1 Mar 2024` (with the time for timestamps when asked). */
export function formatDate(value: string, withTime = false): string {
  const d = dayjs(value);
  if (!d.isValid()) return value;
  return withTime && value.length > 10 ? d.format('D MMM YYYY, HH:mm') : d.format('D MMM YYYY');
}

export const fromNow = (value: string) => dayjs(value).fromNow();

export function formatNumber(value: number, currency?: string | null): string {
  if (currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value);
    } catch {
      return `${value.toLocaleString()} ${currency}`;
    }
  }
  return value.toLocaleString();
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The modifier key people know on their platform, for shortcut hints. */
export const modKey = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
