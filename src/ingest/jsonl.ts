// JSON Lines (one report per line) and, for convenience, a JSON array of the same objects.
// Each record is validated on its own: a bad line is its own error and the others go on.
import { z } from 'zod';
import type { ReadResult } from './read.ts';

const record = z.object({
  text: z.string().refine((s) => s.trim() !== '', 'must not be empty'),
  url: z.string().optional(),
  title: z.string().optional(),
  published: z.string().optional(),
  outlet: z.string().optional(),
});

function toResult(value: unknown, source: string, name: string): ReadResult {
  const parsed = record.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'record';
    return { ok: false, source, error: `${where}: ${issue.message}` };
  }
  const r = parsed.data;
  return {
    ok: true,
    input: { source, name, format: 'jsonl', raw: r.text, url: r.url, title: r.title, outlet: r.outlet, metaPublished: r.published },
  };
}

/** One result per non-blank line (source `file:12`, name `file#12`), or per element of a JSON array. */
export function readJsonRecords(text: string, source: string, name: string): ReadResult[] {
  const lines = text.split(/\r?\n/);
  let first: unknown;
  try {
    first = JSON.parse(lines.find((l) => l.trim() !== '') ?? '');
  } catch {
    // Not one record per line: the whole file may be a single JSON value spread over lines.
    let whole: unknown;
    try {
      whole = JSON.parse(text);
    } catch (e) {
      throw new Error(`invalid JSON: ${(e as Error).message}`);
    }
    const list = Array.isArray(whole) ? whole : [whole];
    return list.map((v, i) => toResult(v, `${source}#${i + 1}`, `${name}#${i + 1}`));
  }
  if (Array.isArray(first)) return first.map((v, i) => toResult(v, `${source}#${i + 1}`, `${name}#${i + 1}`));
  const out: ReadResult[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `${source}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      out.push({ ok: false, source: at, error: `invalid JSON: ${(e as Error).message}` });
      return;
    }
    out.push(toResult(value, at, `${name}#${i + 1}`));
  });
  return out;
}
