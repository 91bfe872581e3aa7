import { Box, type BoxProps } from '@mantine/core';
import { useMemo } from 'react';

// The same allow-list the server sanitises with, applied again in the browser: stored HTML that
// predates a server rule, or a server bug, still cannot run script here.
const TAGS = new Set(['P', 'BR', 'STRONG', 'B', 'EM', 'I', 'U', 'S', 'A', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'CODE', 'PRE', 'H1', 'H2', 'H3', 'HR', 'SPAN']);
const DROP_WITH_CONTENT = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'MATH', 'TEXTAREA', 'SELECT']);
const SAFE_HREF = /^(https?:|mailto:|tel:)/i;

function clean(node: Node, doc: Document): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return doc.createTextNode(node.textContent ?? '');
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const children = () => [...el.childNodes].map((c) => clean(c, doc)).filter((c): c is Node => c !== null);
  if (DROP_WITH_CONTENT.has(el.tagName)) return null;
  if (!TAGS.has(el.tagName)) {
    // Unknown wrappers go; what they held stays, as harmless markup.
    const frag = doc.createDocumentFragment();
    for (const c of children()) frag.appendChild(c);
    return frag;
  }
  const out = doc.createElement(el.tagName.toLowerCase());
  if (el.tagName === 'A') {
    const href = el.getAttribute('href')?.trim() ?? '';
    if (SAFE_HREF.test(href)) out.setAttribute('href', href);
    out.setAttribute('rel', 'noopener noreferrer nofollow');
    out.setAttribute('target', '_blank');
  }
  if (el.tagName === 'SPAN' && el.classList.contains('mention')) out.className = 'mention';
  for (const c of children()) out.appendChild(c);
  return out;
}

/** Rich text reduced to the allow-listed tags, parsed inertly (nothing loads or runs while parsing). */
export function sanitizeForDisplay(html: string): string {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const doc = document.implementation.createHTMLDocument('');
  const root = doc.createElement('div');
  for (const c of [...parsed.body.childNodes]) {
    const cleaned = clean(c, doc);
    if (cleaned) root.appendChild(cleaned);
  }
  return root.innerHTML;
}

/** Shows server-sanitised rich text (notes, email bodies, comments). */
export function SafeHtml({ html, ...box }: { html: string } & BoxProps & { 'data-testid'?: string }) {
  const safe = useMemo(() => sanitizeForDisplay(html), [html]);
  return <Box className="rich-text" {...box} dangerouslySetInnerHTML={{ __html: safe }} />;
}
