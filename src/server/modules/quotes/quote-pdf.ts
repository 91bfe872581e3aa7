import PDFDocument from 'pdfkit';
import type { Quote } from '../../../contract/quotes';
import { formatMoney } from '../../platform/money';

export type PdfParties = { seller: string; contactName: string | null; contactEmail: string | null; companyName: string | null };

/** A printable quote: header, parties, one row per line, totals. Built with pdfkit's standard fonts. */
export function renderQuotePdf(quote: Quote, parties: PdfParties, issuedOn: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Quote ${quote.number}`, Subject: quote.title, Creator: 'Rapport' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const money = (minor: number) => formatMoney(minor, quote.currency);

  doc.font('Helvetica-Bold').fontSize(20).text(`Quote ${quote.number}`);
  doc.font('Helvetica').fontSize(10).fillColor('#555').text(`${parties.seller} · ${issuedOn}${quote.validUntil ? ` · valid until ${quote.validUntil}` : ''}`);
  doc.moveDown().fillColor('#000').fontSize(12).font('Helvetica-Bold').text(quote.title);
  doc.font('Helvetica').fontSize(10);
  const to = [parties.contactName, parties.companyName, parties.contactEmail].filter(Boolean).join('\n');
  if (to) doc.moveDown(0.5).text(`For:\n${to}`);
  doc.moveDown();

  const cols = [
    { title: 'Description', x: 50, w: 190, align: 'left' as const },
    { title: 'Qty', x: 240, w: 45, align: 'right' as const },
    { title: 'Unit price', x: 285, w: 75, align: 'right' as const },
    { title: 'Discount', x: 360, w: 60, align: 'right' as const },
    { title: 'Tax', x: 420, w: 40, align: 'right' as const },
    { title: 'Amount', x: 460, w: 85, align: 'right' as const },
  ];
  const row = (cells: string[], bold = false) => {
    if (doc.y > 740) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    let bottom = y;
    cells.forEach((c, i) => {
      doc.text(c, cols[i].x, y, { width: cols[i].w, align: cols[i].align });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = 50;
    doc.y = bottom + 4;
  };
  row(cols.map((c) => c.title), true);
  for (const l of quote.lines) {
    const discount = l.discountPercent !== null ? `${l.discountPercent}%` : l.discountAmount !== null ? money(l.discountAmount) : '';
    row([l.description, l.quantity, money(l.unitPrice), discount, `${l.taxRate}%`, money(l.net)]);
  }
  doc.moveDown();
  const total = (label: string, value: number, bold = false) => row(['', '', '', label, '', money(value)], bold);
  total('Subtotal', quote.subtotal);
  if (quote.discountTotal) total('Discount', -quote.discountTotal);
  total('Net', quote.netTotal);
  total('Tax', quote.taxTotal);
  total('Total', quote.total, true);
  if (quote.notes) doc.moveDown().font('Helvetica').text(quote.notes, 50, doc.y, { width: 495 });
  doc.end();
  return done;
}
