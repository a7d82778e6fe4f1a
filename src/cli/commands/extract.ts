// `trucewatch extract <file> [--json]`: runs the pipeline on one article and prints its extraction.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('extract <file>')
    .description('run the pipeline on one article and print what it found (GOLD_FORMAT shape with --json)')
    .option('--json', 'print JSON')
    .option('--pack <dir...>', 'extra knowledge pack folders', [])
    .action(async (file: string, opts: { json?: boolean; pack: string[] }) => {
      const { loadContext, processFile } = await import('../../pipeline/run.ts');
      let result;
      try {
        result = await processFile(file, loadContext(opts.pack));
      } catch (e) {
        process.stderr.write(`error: ${(e as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      const x = result.extraction;
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(x, null, 1)}\n`);
        return;
      }
      const lines = [
        `${x.document}: published ${x.published ?? 'unknown'} (${x.published_basis})`,
        `outlets cited: ${x.outlets_cited.join(', ') || '-'}`,
        `actors: ${x.actors.map((a) => a.name).join('; ')}`,
        '',
        'events:',
        ...x.events.map((e) => `  ${e.id} ${e.date ?? '?'} ${e.type}${e.mode ? `/${e.mode}` : ''} [${e.status}] ${e.source.join('+') || '-'} → ${e.target.join('+') || '-'}  «${e.trigger}»`),
        'statements:',
        ...x.statements.map((s) => `  ${s.id} ${s.date ?? '?'} ${s.speaker} (${s.speaker_actor || '-'}) ${s.stance}: «${s.evidence.slice(0, 90)}»`),
        'truces:',
        ...x.truces.map((t) => `  ${t.id} ${t.parties.join(' / ')} via ${t.mediator.join(', ') || '-'}: ${t.state_as_of.map((s) => `${s.date} ${s.state}`).join(' → ')}`),
        'claims:',
        ...x.claims.map((c) => `  ${c.qualifier ? `${c.qualifier} ` : ''}${c.value} ${c.quantity}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
