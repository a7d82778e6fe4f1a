// `trucewatch places lookup "<name>" [--pack DIR] [--json]`: which place a name means.
import type { Command } from 'commander';

interface Options {
  pack: string[];
  json?: boolean;
}

export function register(program: Command): void {
  const places = program.command('places').description('look up places of the knowledge packs');
  places
    .command('lookup')
    .description('print the place a name means (exact name or a tolerant spelling); exit 1 when none')
    .argument('<name>', 'a place name or id, e.g. "Ain al-Assad", "Anbar Province"')
    .option('--pack <dir>', 'an extra knowledge pack folder, loaded after the default packs (repeatable)', (v: string, acc: string[]) => [...acc, v], [])
    .option('--json', 'print JSON: {id, name, type, parent, lat, lon, aliases, ancestors} or null')
    .action(async (name: string, opts: Options, cmd: Command) => {
      const { loadKnowledge, createMatcher, lookupPlace, PackError } = await import('../../knowledge/index.ts');
      const { describePlace } = await import('../../knowledge/describe.ts');
      let k;
      try {
        k = loadKnowledge(opts.pack);
      } catch (e) {
        if (!(e instanceof PackError)) throw e;
        cmd.error(`trucewatch places lookup: ${e.message}`, { exitCode: 2 });
      }
      const place = lookupPlace(createMatcher(k), name);
      const view = place && describePlace(k, place);
      if (opts.json) console.log(JSON.stringify(view, null, 2));
      else if (!view) console.log(`no place named "${name}"`);
      else {
        const where = view.ancestors.map((a) => a.name).join(', ');
        console.log(`${view.id}  ${view.name}  (${view.type}${where ? ` in ${where}` : ''})`);
        if (view.lat !== null) console.log(`  at ${view.lat}, ${view.lon}`);
        if (view.aliases.length > 0) console.log(`  aliases: ${view.aliases.join(', ')}`);
      }
      process.exitCode = view ? 0 : 1;
    });
}
