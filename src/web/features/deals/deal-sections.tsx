import type { Deal } from '../../../contract/deals';

/**
 * Sections other sales screens put on the deal page (quotes, invoices, commissions…), below the
 * deal's own: add one line per section here, e.g. `<DealQuotes deal={deal} />`.
 */
export function DealSections({ deal }: { deal: Deal }) {
  void deal;
  return null;
}
