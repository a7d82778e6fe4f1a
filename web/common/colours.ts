// One colour per PLOVER event type, truce state and span kind, used by the table, map, timeline and reader.
export const TYPE_COLOURS: Record<string, string> = {
  ASSAULT: '#c0392b', COERCE: '#d35400', THREATEN: '#e67e22', MOBILIZE: '#b7950b', SANCTION: '#7d6608', PROTEST: '#a04000',
  ACCUSE: '#8e44ad', REJECT: '#6c3483', REQUEST: '#2471a3', CONSULT: '#1abc9c', AGREE: '#1e8449', SUPPORT: '#27ae60',
  CONCEDE: '#117a65', COOPERATE: '#148f77', AID: '#2e86c1', RETREAT: '#5d6d7e',
};
export const PLOVER_TYPES = Object.keys(TYPE_COLOURS);
export const EVENT_STATUSES = ['occurred', 'claimed', 'threatened', 'conditional', 'planned', 'denied', 'hypothetical'];

export const TRUCE_STATES = ['proposed', 'in_force', 'strained', 'contested', 'ended', 'resumed'] as const;
export const STATE_COLOURS: Record<string, string> = {
  proposed: '#9ecae1', in_force: '#41ab5d', strained: '#fdae6b', contested: '#e6550d', ended: '#a50f15', resumed: '#31a354',
};

export function typeColour(type: string): string {
  return TYPE_COLOURS[type] ?? '#555';
}
