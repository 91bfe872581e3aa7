import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { isApiError } from '../lib/api';

/** What went wrong, in the server's words when it said something. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    // "token: this invitation is unknown…" reads better without the field name in front.
    const prefix = error.field ? `${error.field}: ` : '';
    const text = prefix && error.detail.startsWith(prefix) ? error.detail.slice(prefix.length) : error.detail;
    return /^[a-z]+(\s|$)/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}

export function ErrorAlert({ error, title = 'Something went wrong', children }: { error: unknown; title?: string; children?: ReactNode }) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle size={18} />} role="alert">
      {errorMessage(error)}
      {children}
    </Alert>
  );
}
