// `trucewatch extract <file> [--json]`: runs the pipeline on one article and prints its extraction.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('extract <file>')
    .description('run the pipeline on one article and print what it found (GOLD_FORMAT shape with --json)')
    .option('--json', 'print JSON')
    .option('--pack <dir...>', 'extra knowledge pack folders', [])
    .option('--llm-url <url>', 'use a local LLM behind an OpenAI-compatible endpoint (e.g. http://127.0.0.1:8081/v1) for events, statements, truces and claims')
    .option('--llm-model <name>', 'model name to ask the endpoint for', 'local')
    .action(async (file: string, opts: { json?: boolean; pack: string[]; llmUrl?: string; llmModel: string }) => {
      const { loadContext, processFile } = await import('../../pipeline/run.ts');
      let x;
      try {
        const result = await processFile(file, loadContext(opts.pack));
        x = result.extraction;
        if (opts.llmUrl) {
          const { extractWithLlm } = await import('../../extract/llm.ts');
          const llm = await extractWithLlm(result.annotated, result.extraction, { url: opts.llmUrl, model: opts.llmModel });
          for (const r of llm.rejected) process.stderr.write(`rejected ${r.kind}: ${r.reason}: «${r.evidence.slice(0, 80)}»\n`);
          x = llm.extraction;
        }
      } catch (e) {
        process.stderr.write(`error: ${(e as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
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
