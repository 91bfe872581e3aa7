import { Badge } from '@mantine/core';
import type { Quote } from '../../../contract/quotes';

const COLORS: Record<Quote['status'], string> = { draft: 'gray', sent: 'blue', accepted: 'teal', rejected: 'red' };
const LABELS: Record<Quote['status'], string> = { draft: 'Draft', sent: 'Sent', accepted: 'Accepted', rejected: 'Rejected' };

export const quoteStatusLabel = (s: Quote['status']) => LABELS[s];

export function QuoteStatusBadge({ status }: { status: Quote['status'] }) {
  return (
    <Badge variant="light" color={COLORS[status]} data-testid="quote-status">
      {LABELS[status]}
    </Badge>
  );
}
