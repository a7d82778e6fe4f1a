// Command-line options for event filters, shared by `events` and `export`. Kept free of heavy
// imports: commands declare their options at start-up.
import type { Command } from 'commander';
import type { EventFilter } from './types.ts';

export interface EventFilterOptions {
  from?: string;
  to?: string;
  type?: string;
  mode?: string;
  status?: string;
  actor?: string;
  place?: string;
  text?: string;
}

export function addEventFilterOptions(cmd: Command): Command {
  return cmd
    .option('--from <date>', 'events on or after this day, month or year (YYYY[-MM[-DD]])')
    .option('--to <date>', 'events on or before this day, month or year')
    .option('--type <types>', 'PLOVER types, comma-separated (ASSAULT,COERCE)')
    .option('--mode <modes>', 'PLOVER modes, comma-separated')
    .option('--status <statuses>', 'occurred, claimed, threatened, ... comma-separated')
    .option('--actor <id>', 'actor id taking part (source or target)')
    .option('--place <place>', 'place id or name')
    .option('--text <words>', 'words in the evidence');
}

const list = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

export function eventFilter(o: EventFilterOptions): EventFilter {
  return { from: o.from, to: o.to, type: list(o.type), mode: list(o.mode), status: list(o.status), actor: o.actor, place: o.place, text: o.text };
}
