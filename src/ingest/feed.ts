// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one input per item, its text taken from the item's
// content (HTML converted to text), its date from pubDate / dc:date / published / updated.
import { XMLParser } from 'fast-xml-parser';
import type { InputDoc } from '../pipeline/types.ts';
import type { ReadResult } from './read.ts';
import { htmlFragmentToText } from './html.ts';

// Content elements are kept as raw markup (stop nodes): Atom XHTML content would otherwise be
// turned into objects that lose the order of its text.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  htmlEntities: true,
  stopNodes: ['*.description', '*.content:encoded', '*.content', '*.summary'],
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text of a raw XML element body: CDATA verbatim, the XML entities decoded once elsewhere. */
function xmlText(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[')
        ? part.slice(9, -3)
        : part.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) =>
            e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0${e.slice(1)}` : e.slice(1))) : XML_ENTITIES[e.toLowerCase()] ?? m,
          ),
    )
    .join('');
}

/** A parsed element's value and `type` attribute, whether the parser gave a string or an object. */
function valueOf(v: unknown): { text: string; type?: string } | undefined {
  if (typeof v === 'string') return { text: v };
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const n = v as Node;
    return { text: typeof n['#text'] === 'string' ? n['#text'] : '', type: typeof n['@_type'] === 'string' ? n['@_type'] : undefined };
  }
  return undefined;
}

function plain(v: unknown): string | undefined {
  const val = valueOf(Array.isArray(v) ? v[0] : v);
  if (!val) return undefined;
  const text = val.type === 'html' || val.type === 'xhtml' ? htmlFragmentToText(val.text) : val.text;
  return text.replace(/\s+/gu, ' ').trim() || undefined;
}

/** Text of a content element kept raw by the parser: XHTML as is, escaped HTML or CDATA decoded first. */
function contentText(v: unknown): string {
  const val = valueOf(v);
  if (!val) return '';
  return htmlFragmentToText(val.type === 'xhtml' ? val.text : xmlText(val.text));
}

/** The item's link: Atom's rel="alternate" (or unnamed) href, else RSS's element text. */
function linkOf(item: Node): string | undefined {
  const links = (item.link as unknown[] | undefined) ?? [];
  for (const l of links) {
    if (typeof l === 'string' && l.trim()) return l.trim();
    if (l && typeof l === 'object') {
      const n = l as Node;
      if (typeof n['@_href'] === 'string' && (n['@_rel'] === undefined || n['@_rel'] === 'alternate')) return n['@_href'];
      if (typeof n['#text'] === 'string' && n['#text'].trim()) return n['#text'].trim();
    }
  }
  const guid = plain(item.guid) ?? plain(item.id);
  return guid && /^https?:\/\//.test(guid) ? guid : undefined;
}

/** Splits a feed into one input per item. Throws with the reason when the XML does not parse or holds no items. */
export function readFeed(xml: string, source: string, name: string): ReadResult[] {
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (e) {
    throw new Error(`malformed XML feed: ${(e as Error).message.split('\n')[0]}`);
  }
  const rss = doc.rss as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const atom = doc.feed as Node | undefined;
  const channel = ((rss?.channel as Node | undefined) ?? (rdf?.channel as Node | undefined) ?? atom ?? {}) as Node;
  const items = ((rss ? (rss.channel as Node | undefined)?.item : rdf ? rdf.item : atom?.entry) ?? []) as Node[];
  if (!rss && !rdf && !atom) throw new Error('XML is not an RSS or Atom feed');
  if (items.length === 0) throw new Error('feed has no items');
  const outlet = plain(channel.title);
  return items.map((item, i): ReadResult => {
    const itemSource = `${source}#${i + 1}`;
    const content = item['content:encoded'] ?? item.content;
    const text = contentText(content) || contentText(item.description ?? item.summary);
    if (text.trim() === '') return { ok: false, source: itemSource, error: 'feed item has no text (no description or content)' };
    const input: InputDoc = {
      source: itemSource,
      name: `${name}#${i + 1}`,
      format: 'feed-item',
      raw: text,
      url: linkOf(item),
      title: plain(item.title),
      outlet,
      metaPublished: plain(item.pubDate) ?? plain(item['dc:date']) ?? plain(item.published) ?? plain(item.updated),
    };
    return { ok: true, input };
  });
}
