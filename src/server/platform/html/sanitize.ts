import sanitizeHtml from 'sanitize-html';

// An allow-list, not a block-list: anything not named here (script, style, iframe, event
// handlers, style attributes, javascript:/data: URLs…) is dropped.
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h1', 'h2', 'h3', 'hr', 'span'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Links open outside the app and cannot reach back into it.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
};

/** Rich text as stored: only harmless formatting survives. */
export const sanitizeRichText = (html: string): string => sanitizeHtml(html, OPTIONS).trim();

/** The text of rich text, for search, titles and calendar descriptions. */
export const htmlToText = (html: string): string =>
  sanitizeHtml(html.replace(/<(br|\/p|\/li|\/h[1-3]|\/blockquote)\s*\/?>/gi, '\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
