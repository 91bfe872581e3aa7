import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeRichText } from './sanitize';

describe('rich text sanitiser', () => {
  it('keeps formatting and links', () => {
    expect(sanitizeRichText('<p>Hi <strong>Ann</strong>, see <a href="https://example.com/x?a=1&amp;b=2">this</a></p><ul><li>one</li></ul>')).toBe(
      '<p>Hi <strong>Ann</strong>, see <a href="https://example.com/x?a=1&amp;b=2" rel="noopener noreferrer nofollow" target="_blank">this</a></p><ul><li>one</li></ul>',
    );
  });

  it.each([
    ['<script>alert(1)</script>ok', 'ok'],
    ['<SCRIPT SRC=//evil.example/x.js></SCRIPT>ok', 'ok'],
    ['<img src=x onerror=alert(1)>ok', 'ok'],
    ['<p onclick="steal()" style="color:red">ok</p>', '<p>ok</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<a href="  javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<iframe src="https://evil.example"></iframe>ok', 'ok'],
    ['<svg><script>alert(1)</script></svg>ok', 'ok'],
    ['<style>body{display:none}</style>ok', 'ok'],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', 'x'],
    ['<p>1 &lt; 2</p>', '<p>1 &lt; 2</p>'],
  ])('removes what could run: %s', (input, expected) => {
    const out = sanitizeRichText(input);
    expect(out).toBe(expected);
    expect(out.toLowerCase()).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<svg|style=/);
  });

  it('gives the plain text', () => {
    expect(htmlToText('<p>Hello <b>Ann</b></p><p>1 &lt; 2 &amp; ok</p><script>x</script>')).toBe('Hello Ann\n1 < 2 & ok');
  });
});
