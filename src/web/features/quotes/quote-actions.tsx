import { Button, Tooltip } from '@mantine/core';
import { IconCheck, IconFileTypePdf, IconReceipt, IconSend, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Quote } from '../../../contract/quotes';
import { useCan } from '../../app/session';
import { notifyError, notifySuccess } from '../../lib/notify';
import { AcceptQuoteModal } from './accept-quote-modal';
import { useRejectQuote, useSendQuote } from './use-quotes';

/** What the API lets a quote go through: draft → sent → accepted or rejected (a draft may skip sending). */
export function QuoteActions({ quote, dirty }: { quote: Quote; dirty: boolean }) {
  const canWrite = useCan('records:write');
  const send = useSendQuote();
  const reject = useRejectQuote();
  const [accepting, setAccepting] = useState(false);
  const open = quote.status === 'draft' || quote.status === 'sent';
  const blocked = dirty ? 'Save your changes first' : null;
  const guard = (node: React.ReactElement) => (blocked ? <Tooltip label={blocked}>{node}</Tooltip> : node);
  return (
    <>
      <Button component="a" href={`/api/v1/quotes/${quote.id}/pdf`} target="_blank" rel="noreferrer" variant="default" leftSection={<IconFileTypePdf size={16} />} data-testid="quote-pdf">
        PDF
      </Button>
      {quote.invoiceId && (
        <Button component={Link} to={`/invoices/${quote.invoiceId}`} variant="light" leftSection={<IconReceipt size={16} />}>
          View invoice
        </Button>
      )}
      {canWrite && quote.status === 'draft' &&
        guard(
          <Button
            variant="light"
            leftSection={<IconSend size={16} />}
            disabled={!!blocked || quote.lines.length === 0}
            loading={send.isPending}
            onClick={() => send.mutate({ id: quote.id }, { onSuccess: () => notifySuccess(`${quote.number} marked as sent`), onError: (e) => notifyError(e, 'Could not mark as sent') })}
          >
            Mark as sent
          </Button>,
        )}
      {canWrite && open &&
        guard(
          <Button
            variant="light"
            color="red"
            leftSection={<IconX size={16} />}
            disabled={!!blocked}
            loading={reject.isPending}
            onClick={() =>
              window.confirm(`Mark ${quote.number} as rejected? It can no longer be accepted.`) &&
              reject.mutate({ id: quote.id }, { onSuccess: () => notifySuccess(`${quote.number} rejected`), onError: (e) => notifyError(e, 'Could not reject the quote') })
            }
          >
            Reject
          </Button>,
        )}
      {canWrite && open &&
        guard(
          <Button color="teal" leftSection={<IconCheck size={16} />} disabled={!!blocked || quote.lines.length === 0} onClick={() => setAccepting(true)}>
            Accept
          </Button>,
        )}
      {accepting && <AcceptQuoteModal quote={quote} onClose={() => setAccepting(false)} />}
    </>
  );
}
