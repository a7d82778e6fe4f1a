// `trucewatch eval`: scores the pipeline against the gold annotations (../shared/eval/SCORING.md).
import type { Command } from 'commander';
import { resolve } from 'node:path';

interface Options {
  corpus: string;
  gold: string;
  json?: boolean;
  misses?: boolean;
  pack: string[];
}

export function register(program: Command): void {
  program
    .command('eval')
    .description('run the pipeline on the gold articles and print precision, recall and accuracies (SCORING.md)')
    .option('--corpus <dir>', 'folder of the articles', '../shared/corpus/articles')
    .option('--gold <dir>', 'folder of the *.gold.json files and actors.json', '../shared/eval/gold')
    .option('--json', 'print one JSON object, nothing else, on stdout')
    .option('--misses', 'also print unmatched gold and system events and statements with their evidence')
    .option('--pack <dir...>', 'extra knowledge pack folders', [])
    .action(async (opts: Options) => {
      const { runEval } = await import('../../eval/run.ts');
      const { printReport } = await import('../report.ts');
      await printReport(
        () => runEval({ corpus: resolve(opts.corpus), gold: resolve(opts.gold), packs: opts.pack }, (line) => process.stderr.write(`${line}\n`)),
        opts.json,
        async (report) => (await import('../../eval/report.ts')).formatReport(report, opts.misses),
      );
    });
}
