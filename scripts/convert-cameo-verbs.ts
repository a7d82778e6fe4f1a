// Converts the PETRARCH2 CAMEO verb dictionary (packs/verbs/sources/CAMEO.2.0.txt, MIT, Open Event Data
// Alliance) into packs/verbs/verbs.yaml, mapping every CAMEO code to PLOVER with packs/verbs/cameo-plover.yaml.
// Run it again when the source or the mapping changes; the program reads only verbs.yaml.
//
//   node --import tsx scripts/convert-cameo-verbs.ts [source.txt] [out-dir]
//
// The dictionary syntax follows PETRARCH2's PETRreader.read_verb_dictionary() and its documentation:
//   &NAME / +member ...          synonym set; a member ending in "_" (or every member, when NAME ends in "_")
//                                takes no plural; "_" between words joins them into one phrase
//   --- NAME [code] ---          a verb block with its default code ("---" or none: no event)
//   VERB {FORMS} [code]          a verb of the block, its irregular forms and its own code
//   +CALL_OFF, RE_+ARREST        multi-word verb: "+" marks the word that is the verb, "_" joins the words
//   - PRE * POST [code]          a pattern: words before and after the verb ("*"); (PREP ...) a prepositional
//                                phrase, {A B} consecutive words, &NAME a synonym set, $ / + / ^ / % the
//                                source, target, a skipped phrase and a compound actor (no words to match)
//   [a:b]                        a is the active code (the one PETRARCH codes a verb with), b the passive one
//   ~ ...                        transformations (skipped: they combine events of several verbs)
// Comments start with "#" or, for legacy lines, ";".
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { sForm } from '../src/extract/verbs.ts';

const PACK = resolve(dirname(fileURLToPath(import.meta.url)), '../packs/verbs');

interface MapRule { cameo: string; plover: string | null }
interface VerbOut { lemma: string; head?: number; forms: string[]; code?: string | null; plover?: string | null; passive?: string }
interface PatternOut { pattern: string; code: string | null; plover: string | null; passive?: string }
interface BlockOut { block: string; code: string | null; plover: string | null; passive?: string; verbs: VerbOut[]; patterns: PatternOut[] }

const warnings: string[] = [];
let repeats = 0;
function warn(line: number, msg: string): void {
  warnings.push(`line ${line}: ${msg}`);
}

// ---- codes ----

interface Code { primary: string | null; passive?: string }

/** "[042:043]" → 042 (passive 043); "[:173]" → none (passive 173); "[---]" → none; stray characters are dropped. */
function parseCode(raw: string, line: number): Code {
  const [a, b] = raw.split(':');
  const clean = (s: string | undefined): string | null => {
    if (s === undefined) return null;
    const t = s.trim();
    if (t === '' || t === '---') return null;
    const digits = t.replace(/\D/g, '');
    if (digits !== t) warn(line, `code "${raw}": read as ${digits}`);
    return /^\d{2,4}$/.test(digits) ? digits : null;
  };
  const primary = clean(a);
  const passive = clean(b);
  return passive === null ? { primary } : { primary, passive };
}

function toPlover(code: string | null, rules: MapRule[], line: number): string | null {
  if (code === null) return null;
  let best: MapRule | undefined;
  for (const r of rules) if (code.startsWith(r.cameo) && (!best || r.cameo.length > best.cameo.length)) best = r;
  if (!best) throw new Error(`line ${line}: CAMEO code ${code} is not covered by cameo-plover.yaml`);
  return best.plover;
}

// ---- verb forms ----

const VOWEL = /[aeiou]/;

/** A one-syllable verb ending consonant-vowel-consonant doubles its last letter (ban → banned, banning). */
function doubles(w: string): boolean {
  if (w.length < 3 || /[wxy]$/.test(w)) return false;
  const [c1, v, c2] = w.slice(-3);
  const syllables = w.match(/[aeiouy]+/g)?.length ?? 0;
  return syllables === 1 && !VOWEL.test(c1) && VOWEL.test(v) && !VOWEL.test(c2);
}

function edForm(w: string): string {
  if (w.endsWith('e')) return `${w}d`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ied`;
  if (doubles(w)) return `${w}${w.at(-1)}ed`;
  return `${w}ed`;
}

function ingForm(w: string): string {
  if (w.endsWith('ie')) return `${w.slice(0, -2)}ying`;
  if (/[^aeioy]e$/.test(w) && w.length > 2) return `${w.slice(0, -1)}ing`;
  if (doubles(w)) return `${w}${w.at(-1)}ing`;
  return `${w}ing`;
}

interface Spec { before: string[]; head: string; after: string[] }

/** "+CALL_OFF" → head "call", after ["off"]; "RE_+ARREST" → before ["re"], head "arrest". */
function parseSpec(raw: string): Spec {
  const words = raw.toLowerCase().split('_').filter((w) => w !== '');
  let h = words.findIndex((w) => w.startsWith('+'));
  if (h < 0) h = 0;
  return { before: words.slice(0, h), head: words[h].replace(/^\+/, ''), after: words.slice(h + 1) };
}

const surface = (s: Spec, head: string): string => [...s.before, head, ...s.after].join(' ');

/**
 * The surface forms of a verb line. Without {...} the regular forms are generated. With {...} the listed
 * forms replace the generated ones (PETRARCH's rule), except that a single word's missing -s or -ing form,
 * which English always builds regularly, is added; empty {} means the line's form only ("+KILLED_AND {}").
 */
function formsOf(spec: Spec, irregular: string[] | null, line: number): string[] {
  const out = [surface(spec, spec.head)];
  if (irregular === null) {
    out.push(surface(spec, sForm(spec.head)), surface(spec, edForm(spec.head)), surface(spec, ingForm(spec.head)));
  } else if (irregular.length > 0) {
    const heads: string[] = [];
    for (const item of irregular) {
      const s = parseSpec(item);
      if (s.before.length !== spec.before.length) {
        warn(line, `form "${item}" has its verb at another word than "${surface(spec, spec.head)}"; skipped`);
        continue;
      }
      heads.push(s.head);
      out.push(surface(s, s.head));
    }
    // The source's multi-word lists were completed in its 15.04.30 revision; single words are added to.
    const single = spec.before.length + spec.after.length === 0;
    if (single && !heads.some((h) => h.endsWith('s') && h !== spec.head)) out.push(sForm(spec.head));
    if (single && !heads.some((h) => h.endsWith('ing'))) out.push(ingForm(spec.head));
  }
  return [...new Set(out)];
}

// ---- patterns ----

const MARKERS = new Set(['$', '+', '^', '%']);

interface Item { kind: 'word' | 'set' | 'verb'; text: string }
type Element = Item | Item[];

/**
 * Normalises a pattern body into the verbs.yaml syntax: words in order, {…} for consecutive words,
 * &name for a synonym set, a/b for alternatives, "*" for the verb; null when it cannot be used.
 */
function normalisePattern(body: string, synsets: Map<string, string[]>, line: number): string | null {
  // Split brackets off words; a verb glued to words with "_" ("SPY_*_DEAL", "*_LAWS") is a consecutive run.
  const tokens: string[] = [];
  for (const t of body.replace(/([(){}])/g, ' $1 ').split(/\s+/)) {
    if (t === '') continue;
    if (t.includes('*') && t !== '*' && !t.includes('_')) tokens.push(...t.split(/(\*)/).filter((p) => p !== ''));
    else tokens.push(t);
  }
  const elements: Element[] = [];
  let run: Item[] | null = null;
  let parens = 0;
  let markers = 0;
  let stars = 0;
  for (const t of tokens) {
    if (t === '(') parens++;
    else if (t === ')') {
      if (parens > 0) parens--;
      else warn(line, 'unmatched ")" dropped');
    } else if (t === '{') {
      if (run) warn(line, 'nested "{" ignored');
      else run = [];
    } else if (t === '}') {
      if (!run) warn(line, 'unmatched "}" dropped');
      else {
        if (run.length === 1) elements.push(run[0]);
        else if (run.length > 1) elements.push(run);
        run = null;
      }
    } else if (MARKERS.has(t)) {
      markers++;
    } else {
      // Words joined by "_" are consecutive: a run of their own, or part of the enclosing {...}.
      const parts = t.startsWith('&') ? [t] : t.split('_').filter((p) => p !== '');
      const items: Item[] = [];
      for (const p of parts) {
        if (p === '*') {
          stars++;
          items.push({ kind: 'verb', text: '*' });
        } else if (p.startsWith('&')) {
          const name = p.slice(1).toLowerCase().replace(/_$/, '');
          if (!synsets.has(name)) {
            warn(line, `undefined synonym set ${p}; pattern skipped`);
            return null;
          }
          items.push({ kind: 'set', text: `&${name}` });
        } else {
          items.push({ kind: 'word', text: p.toLowerCase() });
        }
      }
      if (run) run.push(...items);
      else elements.push(items.length === 1 ? items[0] : items);
    }
  }
  if (run) {
    warn(line, 'unclosed "{" closed at the end');
    elements.push(run.length === 1 ? run[0] : run);
  }
  if (stars !== 1) {
    warn(line, `pattern has ${stars} verb markers "*"; skipped`);
    return null;
  }
  const words = elements.reduce((n, e) => n + (Array.isArray(e) ? e.filter((i) => i.kind !== 'verb').length : e.kind === 'verb' ? 0 : 1), 0);
  if (words === 0 && markers > 0) {
    warn(line, 'pattern has only actor markers, which match any words; skipped');
    return null;
  }
  return elements.map((e) => (Array.isArray(e) ? `{${e.map((i) => i.text).join(' ')}}` : e.text)).join(' ');
}

// ---- the dictionary ----

function stripComment(line: string): string {
  const cut = line.search(/[#;]/);
  return cut < 0 ? line : line.slice(0, cut);
}

/** Normalises a synonym-set member: lower case, "_" joins words, a trailing "_" (kept) means exact. */
function member(raw: string, exactSet: boolean): string {
  const exact = exactSet || raw.endsWith('_');
  const words = raw.replace(/_+$/, '').toLowerCase().split(/[_\s]+/).filter((w) => w !== '');
  return `${words.join(' ')}${exact ? '_' : ''}`;
}

interface Converted { synsets: Record<string, string[]>; blocks: BlockOut[] }
type Modes = Record<string, string[]>;

function convert(source: string, rules: MapRule[]): Converted {
  const lines = source.split('\n');
  const synsets = new Map<string, string[]>();
  const blocks: BlockOut[] = [];
  let section: 'synsets' | 'verbs' | 'done' = 'synsets';
  let set: { name: string; exact: boolean } | null = null;
  let block: BlockOut | null = null;
  const seen = new Set<string>();

  lines.forEach((rawLine, i) => {
    const n = i + 1;
    if (rawLine.startsWith('####### VERB PATTERNS')) section = 'verbs';
    if (rawLine.startsWith('######## TRANSFORMATIONS')) section = 'done';
    const line = stripComment(rawLine).trim();
    if (line === '' || section === 'done') return;
    if (section === 'synsets') {
      if (line.startsWith('&')) {
        const label = line.slice(1).toLowerCase();
        set = { name: label.replace(/_$/, ''), exact: label.endsWith('_') };
        synsets.set(set.name, []);
      } else if (line.startsWith('+') && set) {
        synsets.get(set.name)!.push(member(line.slice(1).trim(), set.exact));
      } else {
        warn(n, `not a synonym-set line: "${line}"`);
      }
      return;
    }
    const header = /^---\s+(\S+)\s+\[([^\]]*)\]/.exec(line);
    if (header) {
      const code = parseCode(header[2], n);
      block = { block: header[1], code: code.primary, plover: toPlover(code.primary, rules, n), verbs: [], patterns: [] };
      if (code.passive) block.passive = code.passive;
      blocks.push(block);
      seen.clear();
      return;
    }
    if (!block) {
      warn(n, `line outside a verb block: "${line}"`);
      return;
    }
    const codeMatch = /\[([^\]]*)\]\s*$/.exec(line);
    const code = codeMatch ? parseCode(codeMatch[1], n) : null;
    const body = codeMatch ? line.slice(0, codeMatch.index) : line;
    if (line.startsWith('-')) {
      if (!code) {
        warn(n, 'pattern without a code; skipped');
        return;
      }
      const pattern = normalisePattern(body.slice(1), synsets, n);
      if (pattern === null) return;
      // An identical earlier pattern of the block always wins the tie, so a repeat can never apply.
      if (seen.has(pattern)) {
        repeats++;
        return;
      }
      seen.add(pattern);
      const out: PatternOut = { pattern, code: code.primary, plover: toPlover(code.primary, rules, n) };
      if (code.passive) out.passive = code.passive;
      block.patterns.push(out);
      return;
    }
    const braces = /\{([^}]*)\}/.exec(body);
    const words = body.replace(/\{[^}]*\}/, ' ').trim().split(/\s+/);
    if (words.length > 1) warn(n, `extra words after the verb ignored: "${words.slice(1).join(' ')}"`);
    const spec = parseSpec(words[0]);
    const irregular = braces ? braces[1].split(/[\s,]+/).filter((w) => w !== '') : null;
    const verb: VerbOut = { lemma: [...spec.before, spec.head, ...spec.after].join(' '), forms: formsOf(spec, irregular, n) };
    if (spec.before.length > 0) verb.head = spec.before.length;
    if (code) {
      verb.code = code.primary;
      verb.plover = toPlover(code.primary, rules, n);
      if (code.passive) verb.passive = code.passive;
    }
    block.verbs.push(verb);
  });
  return { synsets: Object.fromEntries(synsets), blocks };
}

// ---- output ----

const HEADER = `# GENERATED by scripts/convert-cameo-verbs.ts from sources/CAMEO.2.0.txt (PETRARCH2 CAMEO verb
# dictionary, MIT, (c) 2015 Open Event Data Alliance) and cameo-plover.yaml (PLOVER manual, CC BY-SA 4.0).
# Edit the mapping in cameo-plover.yaml and re-run the script; hand edits here are kept only until then.
# Written as JSON (which is YAML) because it loads 200 times faster; hand-written YAML is read too.
#
# modes: the PLOVER modes of each type (copied from cameo-plover.yaml); every plover value names one.
# synsets: name → phrases, used in patterns as &name.
# blocks: a CAMEO verb block, in source order:
#   block     the block's name in the source
#   code      its default CAMEO code (null: the verb alone is no event); plover: that code in PLOVER,
#             "TYPE" or "TYPE/mode", null for no event. passive: PETRARCH's code for a passive reading
#             ("[042:043]"), kept for reference; the matcher uses code/plover only.
#   verbs     lemma, forms (every surface form; a form of several words needs all of them, in order),
#             head (which word of a multi-word form is the verb, default 0), and, when the verb has its
#             own default, code/plover (null: no event even if the block has a code).
#   patterns  tried in order against the verb's clause; the one matching most words wins, ties go to the
#             earlier one, and it gives code/plover (null: no event). Pattern syntax:
#               *          the verb; words before it must occur before the verb, words after it after, in order,
#                          other words may stand between
#               word       the word, its plural, and, for words of 5 letters or more, any word it begins
#                          (a stem: "cooperat", "attack" → "attacks", "attacking")
#               word_      exactly that word
#               a/b        either word
#               &name      any phrase of the synonym set
#               {a b c}    consecutive words; only the last inflects. {* a} / {a *}: next to the verb
# A form shared by several blocks tries the patterns of all of them; the first block that lists the form
# gives its default.
`;

function render(c: Converted, modes: Modes): string {
  const out: string[] = [HEADER, '{"modes": {'];
  const types = Object.keys(modes);
  types.forEach((t, i) => out.push(`${JSON.stringify(t)}: ${JSON.stringify(modes[t])}${i < types.length - 1 ? ',' : ''}`));
  out.push('},', '"synsets": {');
  const names = Object.keys(c.synsets);
  names.forEach((name, i) => out.push(`${JSON.stringify(name)}: ${JSON.stringify(c.synsets[name])}${i < names.length - 1 ? ',' : ''}`));
  out.push('},', '"blocks": [');
  c.blocks.forEach((b, bi) => {
    const head: Record<string, unknown> = { block: b.block, code: b.code, plover: b.plover };
    if (b.passive) head.passive = b.passive;
    out.push(`${JSON.stringify(head).slice(0, -1)},`);
    out.push(' "verbs": [');
    b.verbs.forEach((v, i) => out.push(`  ${JSON.stringify(v)}${i < b.verbs.length - 1 ? ',' : ''}`));
    out.push(' ],');
    out.push(' "patterns": [');
    b.patterns.forEach((p, i) => out.push(`  ${JSON.stringify(p)}${i < b.patterns.length - 1 ? ',' : ''}`));
    out.push(` ]}${bi < c.blocks.length - 1 ? ',' : ''}`);
  });
  out.push(']}', '');
  return out.join('\n');
}

function main(): void {
  const [src = join(PACK, 'sources/CAMEO.2.0.txt'), outDir = PACK] = process.argv.slice(2);
  const { map: rules, modes } = parse(readFileSync(join(PACK, 'cameo-plover.yaml'), 'utf8')) as { map: MapRule[]; modes: Modes };
  const converted = convert(readFileSync(src, 'utf8'), rules);
  writeFileSync(join(outDir, 'verbs.yaml'), render(converted, modes));
  for (const w of warnings) console.error(`warning: ${w}`);
  console.error(`${repeats} patterns repeating an earlier one of their block were dropped`);
  const verbs = converted.blocks.flatMap((b) => b.verbs);
  const patterns = converted.blocks.flatMap((b) => b.patterns);
  const byType = new Map<string, number>();
  for (const p of [...converted.blocks, ...verbs.filter((v) => v.plover !== undefined), ...patterns]) {
    const type = p.plover ? p.plover.split('/')[0] : 'none';
    byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  console.log(`${converted.blocks.length} blocks, ${verbs.length} verbs, ${verbs.reduce((n, v) => n + v.forms.length, 0)} forms, ` +
    `${patterns.length} patterns, ${Object.keys(converted.synsets).length} synonym sets, ${warnings.length} warnings`);
  console.log(`codes per PLOVER type (block defaults, verb codes, patterns): ${[...byType].sort((a, b) => b[1] - a[1]).map(([t, k]) => `${t} ${k}`).join(', ')}`);
}

main();
