// HTML → text. A page goes through Readability (over linkedom's DOM) to find the article; the
// article, and any HTML fragment from a feed item, is then turned into text with one paragraph per
// block element, because the later stages read paragraphs and lines (datelines, headings, captions).
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

/** Elements whose content is not text a reader sees. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'button', 'select', 'textarea', 'head', 'form']);
/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tr', 'ul', 'body', 'html', 'caption',
]);
const PARAGRAPH = '\u0000P\u0000';
const BREAK = '\u0000B\u0000';

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

function walk(node: DomNode, out: string[], pre: boolean): void {
  if (node.nodeType === 3) {
    out.push(pre ? (node.textContent ?? '') : (node.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const tag = node.nodeName.toLowerCase();
  if (SKIP.has(tag)) return;
  if (tag === 'br') {
    out.push(BREAK);
    return;
  }
  const block = BLOCK.has(tag);
  if (block) out.push(PARAGRAPH);
  for (const child of Array.from(node.childNodes)) walk(child, out, pre || tag === 'pre');
  if (block) out.push(PARAGRAPH);
}

/** Text of a DOM node: blocks become paragraphs separated by a blank line, `<br>` a line break. */
function nodeText(node: DomNode): string {
  const out: string[] = [];
  walk(node, out, false);
  return out
    .join('')
    .split(PARAGRAPH)
    .map((para) =>
      para
        .split(BREAK)
        .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
        .join('\n')
        .trim(),
    )
    .filter((para) => para !== '')
    .join('\n\n');
}

/** Text of an HTML fragment (a feed item's description or content). */
export function htmlFragmentToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeText((document.body ?? document.documentElement) as unknown as DomNode);
}

export interface HtmlPage {
  text: string;
  title?: string;
  url?: string;
  outlet?: string;
  published?: string;
}

/** Main text and metadata of a web page; `text` is '' when the page has no readable text. */
export function readHtmlPage(html: string): HtmlPage {
  const { document } = parseHTML(html);
  const meta = (selector: string, attr = 'content'): string | undefined =>
    document.querySelector(selector)?.getAttribute(attr)?.trim() || undefined;
  const url = meta('link[rel="canonical"]', 'href') ?? meta('meta[property="og:url"]');
  const metaDate = [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="dc.date"]',
    'meta[name="date"]',
  ].reduce<string | undefined>((found, selector) => found ?? meta(selector), undefined);
  const timeDate = meta('time[datetime]', 'datetime');
  const outlet = meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]');
  const pageTitle = meta('meta[property="og:title"]') ?? (document.querySelector('title')?.textContent?.trim() || undefined);
  const fallback = nodeText((document.body ?? document.documentElement) as unknown as DomNode);
  // Readability edits the document it is given, so it runs after the metadata and fallback text are read.
  let article: ReturnType<Readability<DomNode>['parse']> = null;
  try {
    article = new Readability<DomNode>(document as unknown as Document, { serializer: (n) => n as unknown as DomNode }).parse();
  } catch {
    // Readability gives up on some odd pages; the whole body's text is then used.
  }
  const main = article?.content ? nodeText(article.content) : '';
  return {
    text: main !== '' ? main : fallback,
    title: article?.title?.trim() || pageTitle,
    url,
    outlet: article?.siteName?.trim() || outlet,
    // A <time> element may date a sidebar item, so it comes after the page's own metadata (and Readability's JSON-LD).
    published: metaDate ?? (article?.publishedTime?.trim() || undefined) ?? timeDate,
  };
}
