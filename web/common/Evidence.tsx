// An evidence sentence with the article it comes from and a link into the reader at that sentence.
import { href, useDocuments } from '../src/hooks.ts';

/** Link into the reader at a sentence; the quote's start lets the reader find it if the offsets are off. */
export function readerLink(documentId: string, start: number, end: number, text: string): string {
  return href(['reader', documentId], { start, end, q: text.slice(0, 60) });
}

export interface EvidenceProps {
  text: string;
  documentId: string;
  start: number;
  end: number;
}

export function Evidence({ text, documentId, start, end }: EvidenceProps) {
  const doc = useDocuments().get(documentId);
  const title = doc ? doc.title || doc.name : documentId.slice(0, 12);
  return (
    <figure className="evidence">
      <blockquote>{text}</blockquote>
      <figcaption>
        <a href={readerLink(documentId, start, end, text)}>{title}</a>
        {doc?.outlet ? ` · ${doc.outlet}` : ''}
        {doc?.published ? ` · ${doc.published}` : ''}
      </figcaption>
    </figure>
  );
}
