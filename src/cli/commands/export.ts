// `trucewatch export`: events as ACLED-style CSV, JSON lines or GeoJSON.
import type { Command } from 'commander';
import { addEventFilterOptions, eventFilter, type EventFilterOptions } from '../../store/filter-options.ts';

export function register(program: Command): void {
  addEventFilterOptions(program
    .command('export')
    .description('export events: csv (ACLED-style columns; occurred and claimed events unless --status), jsonl or geojson')
    .requiredOption('--format <format>', 'csv, jsonl or geojson')
    .option('--db <url>', 'SQLite file or postgres:// URL (default: $TRUCEWATCH_DB or ./trucewatch.db)')
    .option('--out <file>', 'write to this file instead of standard output'))
    .action(async (opts: EventFilterOptions & { format: string; db?: string; out?: string }) => {
      const { withStore, defaultDbUrl, EXIT } = await import('../../store/cli.ts');
      const { EXPORT_FORMATS, exportEvents } = await import('../../server/export.ts');
      const { StoreError } = await import('../../store/types.ts');
      const format = EXPORT_FORMATS.find((f) => f === opts.format);
      if (!format) {
        process.stderr.write(`error: --format must be one of ${EXPORT_FORMATS.join(', ')}, not ${JSON.stringify(opts.format)}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      await withStore(opts.db ?? defaultDbUrl(), async (store) => {
        let body: string;
        try {
          body = await exportEvents(store, format, eventFilter(opts));
        } catch (e) {
          if (!(e instanceof StoreError)) throw e;
          process.stderr.write(`error: ${e.message}\n`);
          return EXIT.usage;
        }
        if (!opts.out) {
          process.stdout.write(format === 'geojson' ? `${body}\n` : body);
          return EXIT.ok;
        }
        const { writeFile } = await import('node:fs/promises');
        try {
          await writeFile(opts.out, format === 'geojson' ? `${body}\n` : body);
        } catch (e) {
          process.stderr.write(`error: cannot write ${opts.out}: ${(e as Error).message}\n`);
          return EXIT.someFailed;
        }
        process.stderr.write(`wrote ${opts.out}\n`);
        return EXIT.ok;
      });
    });
}
