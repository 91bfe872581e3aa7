import { Badge } from '@mantine/core';
import type { Invoice } from '../../../contract/invoices';

const COLORS: Record<Invoice['status'], string> = { open: 'blue', overdue: 'red', paid: 'teal' };
const LABELS: Record<Invoice['status'], string> = { open: 'Open', overdue: 'Overdue', paid: 'Paid' };
export const invoiceStatusLabel = (s: Invoice['status']) => LABELS[s];

export function InvoiceStatusBadge({ status, size }: { status: Invoice['status']; size?: 'xs' | 'sm' }) {
  return (
    <Badge variant="light" color={COLORS[status]} size={size} data-testid="invoice-status">
      {LABELS[status]}
    </Badge>
  );
}
