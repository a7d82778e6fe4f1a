// `trucewatch dates "<text>" --ref YYYY-MM-DD [--json]`: the date expressions of a text, resolved.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('dates')
    .description('Find and resolve the date expressions of a text against a reference (publication) day')
    .argument('<text>', 'the text to read')
    .option('--ref <day>', 'reference day YYYY-MM-DD (publication); without it only absolute dates resolve')
    .option('--json', 'print a JSON array: text, start, end, value, precision, kind')
    .action(async (text: string, opts: { ref?: string; json?: boolean }, cmd: Command) => {
      const { findTimes } = await import('../../time/index.ts');
      let times;
      try {
        times = findTimes(text, opts.ref ?? null);
      } catch (err) {
        cmd.error(`trucewatch dates: ${(err as Error).message}`);
      }
      if (opts.json) {
        console.log(JSON.stringify(times.map(({ text: t, start, end, value, precision, kind }) => ({ text: t, start, end, value, precision, kind })), null, 2));
        return;
      }
      if (times.length === 0) {
        console.log('no date expressions found');
        return;
      }
      const rows = [['expression', 'start-end', 'value', 'precision', 'kind'], ...times.map((t) => [t.text, `${t.start}-${t.end}`, t.value, t.precision, t.kind])];
      const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
      for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
    });
}
