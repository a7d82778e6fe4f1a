// `trucewatch truce`: the state of every truce on a day, merged across the stored articles (or across
// article files given with --from-files), with evidence, each party's position and the history.
import type { Command } from 'commander';
import type { ResolveItem } from '../../resolve/input.ts';

interface Opts {
  db?: string;
  parties?: string;
  asOf?: string;
  history?: boolean;
  json?: boolean;
  fromFiles?: string[];
  pack: string[];
}

export function register(program: Command): void {
  program
    .command('truce')
    .description('state of each truce on a day across all articles: parties, mediator, positions, evidence (and history)')
    .option('--db <url>', 'SQLite file or postgres:// URL (default: $TRUCEWATCH_DB or ./trucewatch.db)')
    .option('--from-files <paths...>', 'run the pipeline on these article files instead of reading the store')
    .option('--parties <ids>', 'only truces with all these parties, comma-separated (ids or names: KATAIB_HEZBOLLAH,USA)')
    .option('--as-of <day>', 'the day to give the state for, YYYY-MM-DD (default: today)')
    .option('--history', 'also print each truce\'s state timeline')
    .option('--json', 'print a JSON array, one object per truce')
    .option('--pack <dir...>', 'extra knowledge pack folders', [])
    .action(async (opts: Opts) => {
      const fail = (message: string, code = 2) => {
        process.stderr.write(`error: ${message}\n`);
        process.exitCode = code;
      };
      const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
      // A real calendar day: the round trip rejects 2024-02-30 as well as 2024-13-45.
      const time = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? Date.parse(asOf) : Number.NaN;
      if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== asOf) {
        fail(`--as-of: ${JSON.stringify(opts.asOf)} is not a day (YYYY-MM-DD)`);
        return;
      }
      const url = opts.db ?? (await import('../../store/cli.ts')).defaultDbUrl();
      if (!opts.fromFiles) {
        const { existsSync } = await import('node:fs');
        // Reading only: opening a SQLite path that does not exist would create an empty store.
        if (!/^postgres(ql)?:\/\//.test(url) && !existsSync(url)) {
          fail(`--db: no store at ${url} (run \`trucewatch ingest\` first, or use --from-files)`);
          return;
        }
      }
      const { resolveTruces } = await import('../../resolve/truce-state.ts');
      const { actorArg, filterTruces, truceReport, formatReports } = await import('../../resolve/report.ts');
      // The store path needs only the knowledge; the pipeline (and its NLP model) loads only for --from-files.
      let k;
      try {
        k = (await import('../../knowledge/index.ts')).loadKnowledge(opts.pack);
      } catch (e) {
        fail((e as Error).message);
        return;
      }
      let parties: string[];
      try {
        parties = (opts.parties ?? '').split(',').filter((p) => p.trim()).map((p) => actorArg(k, p));
      } catch (e) {
        fail((e as Error).message);
        return;
      }
      const show = (items: ResolveItem[]) => {
        const reports = filterTruces(resolveTruces(items, k), k, parties).map((t) => truceReport(t, k, asOf, !!opts.history));
        process.stdout.write(`${opts.json ? JSON.stringify(reports, null, 1) : formatReports(reports)}\n`);
      };
      if (opts.fromFiles) {
        const { loadContext, processFile } = await import('../../pipeline/run.ts');
        const ctx = loadContext(opts.pack);
        const items: ResolveItem[] = [];
        for (const file of opts.fromFiles) {
          try {
            const r = await processFile(file, ctx);
            items.push({ documentId: r.doc.id, documentName: r.doc.name, published: r.extraction.published, extraction: r.extraction });
          } catch (e) {
            fail((e as Error).message, 1);
            return;
          }
        }
        show(items);
        return;
      }
      const { withStore } = await import('../../store/cli.ts');
      const { itemsFromStore } = await import('../../resolve/from-store.ts');
      await withStore(url, async (store) => show(await itemsFromStore(store)));
    });
}
