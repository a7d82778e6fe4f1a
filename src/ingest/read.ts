// The read stage: paths (files or directories) → InputDocs, one file at a time. Every bad input
// (missing, unreadable, binary, too large, not UTF-8, a feed that does not parse, a bad JSON line)
// becomes its own error result with a one-line reason, and the rest of the batch goes on.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { InputDoc } from '../pipeline/types.ts';
import { decodeText } from './decode.ts';
import { detectFormat } from './detect.ts';
import { readFeed } from './feed.ts';
import { readHtmlPage } from './html.ts';
import { readJsonRecords } from './jsonl.ts';

export type ReadResult = { ok: true; input: InputDoc } | { ok: false; source: string; error: string };

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
};

function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return (code && FS_REASONS[code]) ?? (e as Error).message;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}

const tooLarge = (path: string, size: number, maxBytes: number): ReadResult => ({
  ok: false,
  source: path,
  error: `file is too large: ${formatSize(size)}, over the ${formatSize(maxBytes)} limit`,
});

/** Reads one regular file and splits it into inputs according to its content. */
async function readOne(path: string, size: number, maxBytes: number): Promise<ReadResult[]> {
  if (size > maxBytes) return [tooLarge(path, size, maxBytes)];
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    return [{ ok: false, source: path, error: `cannot read: ${fsReason(e)}` }];
  }
  // The file may have grown since it was listed.
  if (buf.length > maxBytes) return [tooLarge(path, buf.length, maxBytes)];
  const decoded = decodeText(buf);
  if (!decoded.ok) return [{ ok: false, source: path, error: decoded.error }];
  const name = basename(path);
  const format = detectFormat(decoded.text);
  try {
    switch (format.kind) {
      case 'feed':
        return readFeed(decoded.text, path, name);
      case 'json':
        return readJsonRecords(decoded.text, path, name);
      case 'xml':
        return [{ ok: false, source: path, error: `XML document with root <${format.root}> is neither an RSS/Atom feed nor a web page` }];
      case 'html': {
        const page = readHtmlPage(decoded.text);
        if (page.text.trim() === '') return [{ ok: false, source: path, error: 'HTML page has no readable text (malformed or empty page)' }];
        return [{ ok: true, input: { source: path, name, format: 'html', raw: page.text, url: page.url, title: page.title, outlet: page.outlet, metaPublished: page.published } }];
      }
      case 'text':
        return [{ ok: true, input: { source: path, name, format: 'text', raw: decoded.text } }];
    }
  } catch (e) {
    // A page nested thousands of elements deep overflows the recursive DOM walks.
    const reason = e instanceof RangeError && /call stack/i.test(e.message) ? 'the page is nested too deeply to read' : (e as Error).message;
    return [{ ok: false, source: path, error: reason }];
  }
}

/** Walks a path depth-first in name order; `seen` holds real paths so symlink loops and repeats are read once. */
async function* walk(path: string, seen: Set<string>, maxBytes: number): AsyncGenerator<ReadResult> {
  let real: string;
  let info;
  try {
    info = await stat(path);
    real = await realpath(path);
  } catch (e) {
    yield { ok: false, source: path, error: fsReason(e) };
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  if (info.isDirectory()) {
    let names: string[];
    try {
      names = await readdir(path);
    } catch (e) {
      yield { ok: false, source: path, error: `cannot list directory: ${fsReason(e)}` };
      return;
    }
    for (const n of names.filter((n) => !n.startsWith('.')).sort()) yield* walk(join(path, n), seen, maxBytes);
  } else if (info.isFile()) {
    yield* await readOne(path, info.size, maxBytes);
  } else {
    yield { ok: false, source: path, error: 'not a regular file or directory' };
  }
}

/**
 * Reads files and directories (recursively, in name order, hidden files skipped) and yields one
 * result per report: a file, a feed item or a JSON line. Files are read one at a time.
 */
export async function* readInputs(paths: string[], opts: { maxBytes?: number } = {}): AsyncGenerator<ReadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const seen = new Set<string>();
  for (const path of paths) yield* walk(path, seen, maxBytes);
}
