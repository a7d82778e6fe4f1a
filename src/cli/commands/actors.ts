// `trucewatch actors lookup "<name>" [--date D] [--pack DIR] [--json]`: which actor a name means.
import type { Command } from 'commander';

interface Options {
  date?: string;
  pack: string[];
  json?: boolean;
}

export function register(program: Command): void {
  const actors = program.command('actors').description('look up actors of the knowledge packs');
  actors
    .command('lookup')
    .description('print the actor a name means (exact name, office title on --date, or a tolerant spelling); exit 1 when none')
    .argument('<name>', 'a name, id or office title, e.g. "Kataib Hezbollah", "the Prime Minister"')
    .option('--date <day>', 'date (YYYY-MM-DD, YYYY-MM or YYYY) for office holders and memberships')
    .option('--pack <dir>', 'an extra knowledge pack folder, loaded after the default packs (repeatable)', (v: string, acc: string[]) => [...acc, v], [])
    .option('--json', 'print JSON: {id, name, type, country, aliases, context_aliases, memberships, offices} or null')
    .action(async (name: string, opts: Options, cmd: Command) => {
      const { loadKnowledge, createMatcher, lookupActor, PackError } = await import('../../knowledge/index.ts');
      const { describeActor, badDate } = await import('../../knowledge/describe.ts');
      const dateError = opts.date === undefined ? null : badDate(opts.date);
      if (dateError) cmd.error(`trucewatch actors lookup: ${dateError}`, { exitCode: 2 });
      let k;
      try {
        k = loadKnowledge(opts.pack);
      } catch (e) {
        if (!(e instanceof PackError)) throw e;
        cmd.error(`trucewatch actors lookup: ${e.message}`, { exitCode: 2 });
      }
      const actor = lookupActor(createMatcher(k), name, opts.date);
      const view = actor && describeActor(k, actor, opts.date);
      if (opts.json) console.log(JSON.stringify(view, null, 2));
      else if (!view) console.log(`no actor named "${name}"`);
      else {
        console.log(`${view.id}  ${view.name}  (${view.type}${view.country ? `, ${view.country}` : ''})`);
        if (view.aliases.length > 0) console.log(`  aliases: ${view.aliases.join(', ')}`);
        if (view.context_aliases.length > 0) console.log(`  in context: ${view.context_aliases.join(', ')}`);
        for (const m of view.memberships) console.log(`  member of ${m.id}${m.from ? ` from ${m.from}` : ''}${m.to ? ` to ${m.to}` : ''}`);
        for (const o of view.offices) console.log(`  office ${o.office}${o.from ? ` from ${o.from}` : ''}${o.to ? ` to ${o.to}` : ''}`);
      }
      process.exitCode = view ? 0 : 1;
    });
}
