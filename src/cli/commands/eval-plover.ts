// `trucewatch eval-plover`: event-type and actor accuracy on the PLOVER gold-standard sentences.
import type { Command } from 'commander';
import { resolve } from 'node:path';

interface Options {
  file: string;
  json?: boolean;
  pack: string[];
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function register(program: Command): void {
  program
    .command('eval-plover')
    .description('run the PLOVER gold-standard sentences through the pipeline: event-type accuracy, actor accuracy, confusion table')
    .option('--file <path>', 'records file (JSON lines)', '../shared/reference/plover-gsr/records.jsonl')
    .option('--json', 'print {type_accuracy, source_accuracy, target_accuracy, n, confusion, misses} as JSON')
    .option('--pack <dir...>', 'extra knowledge pack folders', [])
    .action(async (opts: Options) => {
      const { loadPloverRecords, evaluatePlover, formatConfusion, NO_EVENT, PIPELINE_ERROR } = await import('../../eval/plover.ts');
      const { PLOVER_TYPES } = await import('../../pipeline/types.ts');
      const { printReport } = await import('../report.ts');
      await printReport(
        async () => {
          const { loadContext, processInput } = await import('../../pipeline/run.ts');
          const records = loadPloverRecords(resolve(opts.file));
          const ctx = loadContext(opts.pack);
          return evaluatePlover(records, (input) => processInput(input, ctx).extraction, ctx.knowledge, (line) => process.stderr.write(`${line}\n`));
        },
        opts.json,
        async (report) => [
          `PLOVER gold-standard records: ${report.n}`,
          `event type accuracy:   ${pct(report.type_accuracy)}`,
          `source actor accuracy: ${pct(report.source_accuracy)}`,
          `target actor accuracy: ${pct(report.target_accuracy)}`,
          '',
          formatConfusion(report.confusion, [...PLOVER_TYPES, NO_EVENT, PIPELINE_ERROR]),
          '',
        ].join('\n'),
      );
    });
}
