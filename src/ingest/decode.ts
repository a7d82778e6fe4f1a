// Bytes → text, refusing what is not text: binary files, invalid UTF-8, empty files.
// Each refusal is a one-line reason for the user.

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

/** Share of control characters above which a decodable file is still taken as binary. */
const MAX_CONTROL_RATIO = 0.05;
const SAMPLE = 65536;

/** Byte offset of the first invalid UTF-8 sequence (the lossy decoder marks it with U+FFFD). */
function firstInvalidByte(buf: Buffer): number {
  const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
  let from = 0;
  for (;;) {
    const i = lossy.indexOf('\uFFFD', from);
    if (i < 0) return -1;
    const at = Buffer.byteLength(lossy.slice(0, i));
    // A U+FFFD written in the file itself is valid; only a replaced sequence is an error.
    if (!(buf[at] === 0xef && buf[at + 1] === 0xbf && buf[at + 2] === 0xbd)) return at;
    from = i + 1;
  }
}

function controlRatio(text: string): number {
  const sample = text.slice(0, SAMPLE);
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return sample.length === 0 ? 0 : controls / sample.length;
}

/** Decodes a file's bytes as UTF-8 (or UTF-16 when it starts with a UTF-16 byte order mark). */
export function decodeText(buf: Buffer): Decoded {
  if (buf.length === 0) return { ok: false, error: 'empty file' };
  const utf16 = buf[0] === 0xff && buf[1] === 0xfe ? 'utf-16le' : buf[0] === 0xfe && buf[1] === 0xff ? 'utf-16be' : null;
  let text: string;
  if (utf16) {
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(buf);
    } catch {
      return { ok: false, error: `invalid ${utf16.toUpperCase()} text` };
    }
  } else {
    const nul = buf.indexOf(0);
    if (nul >= 0) return { ok: false, error: `binary file (NUL byte at byte ${nul}), not text` };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      return { ok: false, error: `invalid UTF-8 at byte ${firstInvalidByte(buf)} (the file is not UTF-8 text)` };
    }
  }
  const ratio = controlRatio(text);
  if (ratio > MAX_CONTROL_RATIO) return { ok: false, error: `binary file (${(ratio * 100).toFixed(0)}% control characters), not text` };
  if (text.trim() === '') return { ok: false, error: 'file has only white space, no text' };
  return { ok: true, text };
}
