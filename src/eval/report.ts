// The text form of the `trucewatch eval` report: per-article tables with the micro-average as
// the last row, actor mentions side by side with compromise, dates, and optionally the misses.
import type { EvalReport } from './run.ts';
import type { Accuracy, ArticleScore, Miss, PRF } from './score.ts';
import type { MentionScore } from './mentions.ts';

const f2 = (x: number) => x.toFixed(2);
const acc = (a: Accuracy) => (a.accuracy === null ? 'n/a' : f2(a.accuracy));
const counts = (x: PRF) => `${x.matched}/${x.system}/${x.gold}`;

/** Columns padded to their widest cell: the first left-aligned, the others right-aligned. */
function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function shortName(document: string): string {
  return document.length > 28 ? `${document.slice(0, 27)}…` : document;
}

function eventsTable(report: EvalReport): string {
  const row = (name: string, e: ArticleScore['events'] | EvalReport['micro']['events']) => [
    name, f2(e.p), f2(e.r), f2(e.f1), counts(e), acc(e.status), acc(e.mode), acc(e.source), acc(e.target), acc(e.location), acc(e.date_exact),
  ];
  return formatTable(
    ['events', 'P', 'R', 'F1', 'm/s/g', 'status', 'mode', 'source', 'target', 'location', 'date-exact'],
    [...report.articles.map((a) => row(shortName(a.document), a.events)), row('micro-average', report.micro.events)],
  );
}

function othersTable(report: EvalReport): string {
  const row = (
    name: string,
    s: PRF & { stance: Accuracy },
    t: Accuracy,
    c: PRF,
    published: string,
  ) => [name, f2(s.p), f2(s.r), f2(s.f1), counts(s), acc(s.stance), `${acc(t)} (${t.correct}/${t.total})`, f2(c.p), f2(c.r), f2(c.f1), counts(c), published];
  const m = report.micro;
  return formatTable(
    ['statements/truces/claims', 'P', 'R', 'F1', 'm/s/g', 'stance', 'truce state', 'claim P', 'R', 'F1', 'm/s/g', 'published exact'],
    [
      ...report.articles.map((a) =>
        row(shortName(a.document), a.statements, a.truces, a.claims, `${a.published.exact ? 'yes' : 'no'} (${a.published.system ?? 'none'} vs ${a.published.gold ?? 'none'})`),
      ),
      row('micro-average', m.statements, m.truces, m.claims, `${m.published.correct}/${m.published.total}`),
    ],
  );
}

function mentionCells(m: MentionScore | null): string[] {
  return m ? [f2(m.p), f2(m.r), f2(m.f1), String(m.system)] : ['n/a', '', '', ''];
}

/** TruceWatch and compromise side by side, one row per article and the micro-average. */
function mentionsTable(report: EvalReport, kind: 'actors' | 'places'): string {
  const am = report.actor_mentions;
  const total = kind === 'actors' ? { trucewatch: am.trucewatch, compromise: am.compromise } : am.places;
  const row = (name: string, m: { trucewatch: MentionScore; compromise: MentionScore | null }) => [
    name, ...mentionCells(m.trucewatch), ...mentionCells(m.compromise), String(m.trucewatch.gold),
  ];
  const other = kind === 'actors' ? 'compromise people+orgs' : 'compromise places';
  return formatTable(
    [`${kind} mentions`, 'TruceWatch P', 'R', 'F1', 'found', `${other} P`, 'R', 'F1', 'found', 'gold'],
    [...am.per_article.map((a) => row(shortName(a.document), a[kind])), row('micro-average', total)],
  );
}

function datesLines(dates: EvalReport['dates']): string {
  if ('available' in dates) return `dates: not available (${dates.reason})`;
  const part = (name: string, x: { correct: number; total: number; accuracy: number }) => `${name} ${f2(x.accuracy)} (${x.correct}/${x.total})`;
  return `dates: ${part('TruceWatch', dates.trucewatch)}, ${part('plain chrono-node', dates.chrono)} (expression set of src/eval/dates.ts)`;
}

function missLines(title: string, misses: Miss[]): string[] {
  if (misses.length === 0) return [];
  return [`  ${title}:`, ...misses.flatMap((m) => [`    ${m.id} ${m.summary}`, `       «${m.evidence}»`])];
}

/** Unmatched gold and system events and statements, and matched pairs with wrong figures. */
export function formatMisses(report: EvalReport): string {
  const out: string[] = [];
  for (const a of report.articles) {
    out.push(`${a.document}${a.error ? ` (pipeline failed: ${a.error})` : ''}`);
    out.push(...missLines('gold events not found', a.events.unmatched_gold));
    out.push(...missLines('system events not in gold', a.events.unmatched_system));
    const wrong = a.events.pairs.filter((p) => p.wrong.length > 0);
    if (wrong.length) out.push('  matched events with wrong figures:', ...wrong.map((p) => `    ${p.system} ~ ${p.gold}: ${p.wrong.join(', ')}`));
    out.push(...missLines('gold statements not found', a.statements.unmatched_gold));
    out.push(...missLines('system statements not in gold', a.statements.unmatched_system));
    const stance = a.statements.pairs.filter((p) => p.stance.system !== p.stance.gold);
    if (stance.length) out.push('  matched statements with wrong stance:', ...stance.map((p) => `    ${p.system} ~ ${p.gold}: ${p.stance.system} (gold ${p.stance.gold})`));
    const truce = a.truces.entries.filter((e) => e.system !== e.gold);
    if (truce.length) out.push('  truce states wrong:', ...truce.map((e) => `    ${e.truce} ${e.date}: ${e.system ?? 'no state'} (gold ${e.gold})`));
    out.push('');
  }
  return out.join('\n');
}

export function formatReport(report: EvalReport, withMisses = false): string {
  const failed = report.articles.filter((a) => a.error);
  return [
    ...failed.map((a) => `pipeline failed on ${a.document} (scored as an empty extraction): ${a.error}`),
    ...(failed.length ? [''] : []),
    eventsTable(report),
    '',
    othersTable(report),
    '(m/s/g = matched / system / gold)',
    '',
    mentionsTable(report, 'actors'),
    '',
    mentionsTable(report, 'places'),
    '(gold = occurrences of the gold surface spellings; found = distinct spans the system marked)',
    '',
    datesLines(report.dates),
    ...(withMisses ? ['', formatMisses(report)] : []),
  ].join('\n');
}
