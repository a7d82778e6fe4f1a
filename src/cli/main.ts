// The `trucewatch` command. Each sub-command lives in its own file under cli/commands/ and exports
// `register(program)`; they are discovered here so that adding a command touches no other file.
// Command modules import their heavy dependencies lazily, inside the action, to keep start-up fast.
import { Command } from 'commander';
import { readdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A reader that stops early (`trucewatch events | head`) closes the pipe: that ends the output, it is no error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

const self = fileURLToPath(import.meta.url);
const here = dirname(self);
// .ts run from source, .js when built (scripts/build.js).
const ext = extname(self);
const program = new Command('trucewatch')
  .description('Turn news reports about armed conflict into a sourced record of events, statements and truce states.')
  .version('0.1.0')
  .showHelpAfterError();

const dir = join(here, 'commands');
for (const file of readdirSync(dir).filter((f) => f.endsWith(ext)).sort()) {
  const mod = (await import(join(dir, file))) as { register: (p: Command) => void };
  mod.register(program);
}

await program.parseAsync(process.argv);
