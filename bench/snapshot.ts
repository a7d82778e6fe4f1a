// Shared by the snapshot scripts (annotate-snapshot.ts, store-snapshot.ts): write a snapshot of lines and
// compare it with a baseline, naming the first line that differs and showing the text around it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/** Writes the lines to `out` and returns the sha256 of what was written. */
export function writeSnapshot(out: string, lines: string[]): string {
  const body = `${lines.join('\n')}\n`;
  writeFileSync(out, body);
  return createHash('sha256').update(body).digest('hex');
}

/** Compares the lines with the baseline file; prints the outcome and sets a failing exit code on a difference. `label(i)` names line i. */
export function checkSnapshot(lines: string[], baseline: string, label: (i: number) => string): void {
  const base = readFileSync(baseline, 'utf8').split('\n');
  const diff = lines.findIndex((l, i) => l !== base[i]);
  if (diff < 0 && base.length === lines.length + 1) {
    process.stdout.write('identical to the baseline\n');
    return;
  }
  const i = diff < 0 ? lines.length : diff;
  const a = lines[i] ?? '';
  const b = base[i] ?? '';
  let c = 0;
  while (c < a.length && a[c] === b[c]) c++;
  process.stdout.write(`differs at ${label(i)}, char ${c}:\n  now:  …${a.slice(Math.max(0, c - 200), c + 200)}\n  base: …${b.slice(Math.max(0, c - 200), c + 200)}\n`);
  process.exitCode = 1;
}
