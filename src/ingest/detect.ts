// Format detection by content: scrapers and users name files anyhow (an HTML page saved as .txt,
// a feed as .dat), so the first markup or character decides, never the extension.

export type Detected =
  | { kind: 'html' | 'feed' | 'json' | 'text' }
  /** XML that is neither a feed nor a page: refused with its root element named. */
  | { kind: 'xml'; root: string };

const HEAD = 4096;

/** Skips leading white space, a byte order mark, XML declarations, comments and a doctype. */
function skipProlog(s: string): string {
  let rest = s.replace(/^[\s\uFEFF]+/u, '');
  for (;;) {
    const m = rest.match(/^(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*/i);
    if (!m) return rest;
    rest = rest.slice(m[0].length);
  }
}

export function detectFormat(text: string): Detected {
  const head = text.slice(0, HEAD);
  const body = skipProlog(head);
  if (/^(?:\{\s*["}]|\[\s*[{\]])/.test(body)) return { kind: 'json' };
  if (/<!DOCTYPE\s+html/i.test(head)) return { kind: 'html' };
  const root = body.match(/^<([A-Za-z][\w:.-]*)/)?.[1];
  if (root) {
    const name = root.toLowerCase();
    if (name === 'rss' || name === 'feed' || name === 'rdf:rdf') return { kind: 'feed' };
    if (name === 'html' || /<(head|body|p|div|article|title|meta)[\s>]/i.test(head)) return { kind: 'html' };
    if (/^<\?xml/.test(head.trimStart())) return { kind: 'xml', root };
    return { kind: 'html' };
  }
  // Text with a page's markup further down (a scrape with a stray preamble) is still a page.
  return /<(html|body)[\s>]/i.test(head) ? { kind: 'html' } : { kind: 'text' };
}
