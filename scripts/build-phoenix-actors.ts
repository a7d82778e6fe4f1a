// Builds packs/world/actors-phoenix.yaml, the people and organisations of the PETRARCH2 Phoenix actor
// dictionaries (MIT, Open Event Data Alliance): world leaders and ministers with their country,
// international organisations, NGOs and armed groups. Run once when the sources change; the output is
// committed and the program reads only the YAML.
//
//   node --import tsx scripts/build-phoenix-actors.ts <Countries.txt> <International.txt> <MilNonState.txt> [out-dir] [--verbose]
//
// out-dir defaults to packs/world (a test writes elsewhere to check the committed file is up to date);
// --verbose lists every entry and name left out, by rule. The dictionaries were written for PETRARCH's
// upper-case phrase matching, not as a registry of names: countries and places (already in the world pack),
// companies, very short and generic names, names the hand-curated packs already read and names that two
// entries share are left out. Every entry is `fuzzy: false`: its names are matched as written, never as a
// misspelling, and capitalised where the name is.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultPackDirs, loadPacks } from '../src/knowledge/load.ts';
import { normalizeName } from '../src/knowledge/normalize.ts';
import { createMatcher, findMentions } from '../src/knowledge/match.ts';
import type { Actor, ActorType, Knowledge } from '../src/knowledge/types.ts';

const WORLD = resolve(dirname(fileURLToPath(import.meta.url)), '../packs/world');
const OUT_FILE = 'actors-phoenix.yaml';
/** Ids of generated entries; the hand-curated packs never use it, so they can be told apart when loaded. */
const PREFIX = 'PHX_';
/** The sentences this knowledge serves are news from the 1980s on: an entry whose every dated code ended earlier is history. */
const KEEP_FROM = '1981-01-01';

type Source = 'countries' | 'international' | 'milnonstate';

/** One bracketed code, its dates as ISO days (from/to absent: open). `bad` when a date could not be read. */
export interface Code { code: string; from?: string; to?: string; dated: boolean; bad?: boolean }

/** A headword with its synonyms and codes, as the dictionary gives it. */
export interface RawEntry { source: Source; line: number; head: string; synonyms: string[]; codes: Code[]; comment: string }

/**
 * The entries of one dictionary (TABARI/PETRARCH format): a headword line (codes may follow on it),
 * "+" synonym lines, then indented code lines "[CODE]", "[CODE >YYMMDD]", "[CODE <YYMMDD]" or
 * "[CODE YYMMDD-YYMMDD]"; "#" starts a comment. A headword without codes of its own is kept without
 * them here (see lendCodes).
 */
export function parseDictionary(text: string, source: Source): RawEntry[] {
  const out: RawEntry[] = [];
  let cur: RawEntry | null = null;
  text.split('\n').forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const line = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/\r$/, '');
    const comment = hash >= 0 ? raw.slice(hash + 1).trim() : '';
    if (line.trim() === '') return;
    if (/^\s/.test(line)) {
      // An indented line gives codes (a stray name before them, as in "\tJOHN_MCCLOY_\t[...]", is ignored).
      cur?.codes.push(...codes(line));
      return;
    }
    if (line.startsWith('+')) {
      cur?.synonyms.push(line.slice(1).trim());
      return;
    }
    const bracket = line.indexOf('[');
    const head = (bracket >= 0 ? line.slice(0, bracket) : line).trim();
    cur = { source, line: i + 1, head, synonyms: [], codes: bracket >= 0 ? codes(line.slice(bracket)) : [], comment };
    out.push(cur);
  });
  return out;
}

function codes(s: string): Code[] {
  return [...s.matchAll(/\[([^\]]*)\]/g)].flatMap((m): Code[] => {
    const [code, ...rest] = m[1].trim().split(/\s+/);
    // "---" is PETRARCH's null code: the phrase names no actor.
    if (code === '---') return [{ code, dated: false }];
    if (!code || !/^[A-Z][A-Z0-9]{2,}$/.test(code)) return [];
    const range = rest.join('');
    if (range === '') return [{ code, dated: false }];
    let r: { from?: string | null; to?: string | null };
    if (range.startsWith('<')) r = { to: day(range.slice(1)) };
    else if (range.startsWith('>')) r = { from: day(range.slice(1)) };
    else {
      const [a, b] = range.split('-');
      r = { from: day(a), to: b === undefined ? null : day(b) };
    }
    if (r.from === null || r.to === null || (r.from && r.to && r.from > r.to)) return [{ code, dated: true, bad: true }];
    return [{ code, dated: true, ...(r.from && { from: r.from }), ...(r.to && { to: r.to }) }];
  });
}

/** "YYYYMMDD" or "YYMMDD" (00-30 → 20YY, else 19YY, as KEDS, TABARI and PETRARCH read it) → "YYYY-MM-DD"; null if no real day. */
function day(s: string): string | null {
  let y: number;
  let rest: string;
  if (/^\d{8}$/.test(s)) [y, rest] = [Number(s.slice(0, 4)), s.slice(4)];
  else if (/^\d{6}$/.test(s)) [y, rest] = [Number(s.slice(0, 2)) + (Number(s.slice(0, 2)) <= 30 ? 2000 : 1900), s.slice(2)];
  else return null;
  const m = Number(rest.slice(0, 2));
  const d = Number(rest.slice(2));
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${rest.slice(0, 2)}-${rest.slice(2)}`;
}

/**
 * PETRARCH lends a headword without codes the codes of the next one. Such a headword is mostly another
 * spelling of it ("LEONID_BREZHNEV_", "SECRETARY_BREZHNEV", then "COMMUNIST_LEADER_LEONID_BREZHNEV"
 * with the codes): it joins that entry when they share a distinctive word, else it is an entry of its
 * own with the same codes (a list of groups coded alike). One with no coded entry after it has no code.
 */
export function lendCodes(entries: RawEntry[], distinctive: (name: string) => string[]): RawEntry[] {
  const out: RawEntry[] = [];
  let pending: RawEntry[] = [];
  for (const e of entries) {
    if (e.codes.length === 0) {
      pending.push(e);
      continue;
    }
    const words = new Set([e.head, ...e.synonyms].flatMap(distinctive));
    const same = pending.filter((p) => [p.head, ...p.synonyms].some((n) => distinctive(n).some((w) => words.has(w))));
    for (const p of pending) if (!same.includes(p)) out.push({ ...p, codes: e.codes });
    if (same.length === 0) out.push(e);
    else {
      const [first, ...rest] = same;
      out.push({
        ...e, line: first.line, head: first.head, comment: [first.comment, e.comment].filter(Boolean).join('; '),
        synonyms: [...first.synonyms, ...rest.flatMap((p) => [p.head, ...p.synonyms]), e.head, ...e.synonyms],
      });
    }
    pending = [];
  }
  out.push(...pending);
  return out;
}

// ------------------------------------------------------------------ names

/** Words kept in lower case inside a name ("Izz ad-Din al-Qassam", "Lashkar-e-Taiba", "Bank of ..."). */
const PARTICLES = new Set([
  'al', 'el', 'ad', 'an', 'ar', 'as', 'ash', 'at', 'az', 'bin', 'bint', 'ibn', 'wa', 'ul', 'ur', 'e', 'i',
  'de', 'da', 'di', 'do', 'dos', 'das', 'del', 'della', 'der', 'den', 'van', 'von', 'du', 'la', 'le', 'les', 'y',
  'of', 'the', 'and', 'for', 'in', 'on', 'to', 'against', 'with', 'without',
]);

/**
 * A dictionary phrase as a name, and the acronym it gives in brackets: "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_"
 * → "Aden Abyan Islamic Army" and "AAIA". Null for a phrase that is no plain name (quotes, slashes,
 * "+", stray brackets). Words are capitalised, particles not, `acronyms` (US, UK) stay in capitals; the
 * part of a hyphenated word after the first is lower case unless a particle comes before it ("Ki-moon",
 * "al-Qassam", "Lashkar-e-Taiba"), so that the matcher, which asks capitals only where the name has them
 * (fuzzy: false), takes either spelling.
 */
export function phraseName(phrase: string, acronyms: ReadonlySet<string> = new Set()): { name: string | null; acronym: string | null } {
  let s = phrase.trim().replace(/_+$/, '');
  let acronym: string | null = null;
  s = s.replace(/\(([^)]*)\)?/g, (_, inner: string) => {
    if (acronym === null && /^[A-Z][A-Z0-9.&-]{1,5}$/.test(inner)) acronym = inner;
    return ' ';
  });
  s = s.replace(/_/g, ' ').replace(/\s+/g, ' ').trim().replace(/,\s*the$/i, '').replace(/^the\s+/i, '').replace(/[\s,-]+$/, '');
  if (s === '' || /[^\p{L}\p{N} .'&,-]/u.test(s) || /^[\s\p{P}]*$/u.test(s)) return { name: null, acronym };
  // A separate article joins its word, as news writes it: "NURI_AL_MALIKI_" → "Nuri al-Maliki".
  s = s.replace(/(^|\s)(al|el) (?=\p{L})/giu, '$1$2-');
  const words = s.split(' ').map((w, i) => (/^(?:\p{L}\.)+\p{L}?$/u.test(w) || acronyms.has(w.toUpperCase()) ? w.toUpperCase() : casedWord(w, i === 0)));
  return { name: words.join(' '), acronym };
}

function casedWord(word: string, first: boolean): string {
  const parts = word.toLowerCase().split('-');
  return parts
    .map((p, j) => {
      const particle = PARTICLES.has(p);
      if (particle && !(first && j === 0)) return p;
      if (j > 0 && !PARTICLES.has(parts[j - 1])) return p;
      return p.replace(/\p{L}/u, (c) => c.toUpperCase());
    })
    .join('-');
}

/** Short English words that an acronym of the packs may spell ("IS" of the Islamic State): never read as acronyms here. */
const ENGLISH_SHORT = new Set(['is', 'it', 'or', 'be', 'no', 'so', 'do', 'he', 'we', 'me', 'my', 'up', 'am', 'go', 'if', 'by']);

/** UPPER_SNAKE of a name without marks: "Izz ad-Din al-Qassam" → "IZZ_AD_DIN_AL_QASSAM". */
function snake(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/['’`]/g, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').toUpperCase();
}

// ------------------------------------------------------------------ who is what

/** Words that make a phrase the name of an organisation, not of a person. */
const ORG_WORDS = new Set(`
  organization organisation organizations council committee committees commission association associations union unions
  league party parties front fronts movement movements army armies forces force brigade brigades battalion battalions group
  groups government governments administration ministry ministries bank fund agency agencies institute institution foundation
  society center centre centers centres network alliance coalition corps guard guards police court courts tribunal assembly
  parliament congress senate secretariat mission missions program programme programs office offices department bureau service
  services federation confederation trust nations international world church churches university college school hospital
  company corporation corp inc ltd limited bloc cabinet regime junta militia militias rebels guerrillas guerrilla faction
  factions cell cells nuclei nucleus brotherhood club campaign project initiative watch unit units command authority board
  chamber conference forum embassy consulate delegation republic state states kingdom emirate caliphate academy institutes
  commandos commando squad squads legion battalion division regiment fleet navy airforce staff tigers panthers volunteers
  fighters partisans resistance liberation revolutionary revolution soldiers troops regiments divisions administrations
  gang gangs clan
`.trim().split(/\s+/).map(normalizeName));

/** Words that mark an organisation without being generic: a name may be just "Taliban" or "Tanzim". */
const NAMED_ORG_WORDS = new Set(`
  jihad mujahideen mujahidin taliban liwa liwaa jaish jaysh ansar harakat haraka kataib katibat saraya sarayat jund hizb
  hezb jabhat jabha tanzim asaib majlis faylaq firqat
`.trim().split(/\s+/).map(normalizeName));

/** Title words before a person's name ("PRESIDENT_HOSNI_MUBARAK", "SHEIKH_AHMED_YASSIN"); also generic on their own. */
const TITLES = new Set(`
  president presidents vice prime minister ministers premier chancellor secretary general generals sheikh shaikh sheik
  mullah ayatollah king queen prince princess emir amir sultan lord baron sir dr doctor gen col colonel major captain
  admiral marshal field lt lieutenant chief chairman chairwoman deputy former ex acting mr mrs ms madame imam grand mufti
  pope cardinal bishop archbishop rev reverend father haji hajji mawlawi maulana senator congressman congresswoman
  representative governor ambassador commander leader spokesman spokeswoman foreign defense defence interior finance
  justice state first lady crown emperor empress shah tsar czar monarch dictator strongman warlord envoy special
`.trim().split(/\s+/).map(normalizeName));

/** Generic nouns that name nobody on their own (added to the packs' common words, agent and force nouns). */
const GENERIC = new Set(`
  government governments police army military opposition rebels rebel insurgents militants guerrillas terrorists
  authorities administration regime cabinet parliament congress senate court judiciary ministry embassy people citizens
  civilians protesters demonstrators students workers farmers refugees group groups party parties movement organization
  organisation committee council agency commission union alliance coalition front forces force office department bureau
  the a an of and in on for with to at by from state states nation nations country countries world international
  national federal central regional local islamic christian jewish muslim arab communist socialist democratic liberal
`.trim().split(/\s+/).map(normalizeName));

const codeEnd = (c: Code) => c.to ?? '9999-12-31';

/** The most recent dated code (latest end, then latest start), else the first code. */
function primaryCode(codes: Code[]): Code {
  const dated = codes.filter((c) => c.dated && !c.bad);
  if (dated.length === 0) return codes[0];
  return [...dated].sort((a, b) => codeEnd(b).localeCompare(codeEnd(a)) || (b.from ?? '').localeCompare(a.from ?? ''))[0];
}

/** What a role code of CAMEO says an organisation is (the first role after the country decides). */
const ROLE_TYPE: Record<string, ActorType> = {
  GOV: 'government_body', JUD: 'government_body', LEG: 'government_body',
  MIL: 'state_force', COP: 'state_force', SPY: 'state_force',
  REB: 'armed_group', INS: 'armed_group', UAF: 'armed_group', SEP: 'armed_group',
  PTY: 'political_party', OPP: 'political_party',
  MED: 'media_outlet',
};

/** CAMEO's role codes (sectors, religions, international kinds). A Countries code whose role is none of them
 * is a territory ("FRAGLP" Guadeloupe, "NLDANT") or an unrecognised state ("KRJUNR"): a place. */
const CAMEO_ROLES = new Set(`
  COP GOV INS JUD MIL OPP PTY REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD
  IGO IMG INT MNC NGM NGO UIS ADR ALE ATH BAH BUD CHR CON CPT CTH DOX HIN HSD ITR JAN JEW JHW LDS MOS MRN MUS
  OST PRO SFI SHI SHN SIK SUN TAO UDX ZRO
`.trim().split(/\s+/));

/** The role of a code: its first 3-letter part after the country or region that CAMEO's roles list ("USAGOVMIL" → GOV, "MED" → MED). */
function roleOf(code: string): string | undefined {
  const parts = code.match(/[A-Z0-9]{3}/g) ?? [];
  return parts[0] !== undefined && CAMEO_ROLES.has(parts[0]) ? parts[0] : parts.slice(1).find((p) => CAMEO_ROLES.has(p));
}

interface Draft {
  source: Source;
  line: number;
  /** Display names, the entry's own first. */
  names: string[];
  type: ActorType;
  country?: string;
  primary: Code;
  codes: Code[];
}

export interface Build {
  actors: Record<string, unknown>[];
  /** Entries or names left out, by rule, each with the name it concerned. */
  dropped: Map<string, string[]>;
}

export function buildActors(texts: Record<Source, string>, curated: Knowledge): Build {
  const dropped = new Map<string, string[]>();
  const drop = (rule: string, what: string) => dropped.set(rule, [...(dropped.get(rule) ?? []), what]);
  const rules = curated.matching!;
  // A name that is one of these as a whole is a common noun: the packs' common words, agent and force nouns
  // ("ministry of defense"), titles, generic and organisation words ("Police", "Foundation").
  const commonPhrases = new Set([...rules.commonWords, ...rules.agentNouns, ...rules.forceNouns, ...GENERIC, ...TITLES, ...ORG_WORDS].map(normalizeName));
  // A name of one or two of the packs' common words ("May 15", "Popular Resistance", "National Front") is no one in
  // particular; with three ("New People's Army", "Revolutionary United Front") it is specific enough, capitalised.
  const plainWords = new Set([...rules.commonWords.map(normalizeName), ...PARTICLES]);
  // Words that tell nothing apart (for shared words and given names): any word of the above.
  const commonWords = new Set([...commonPhrases].flatMap((p) => p.split(' ')));
  // Words the curated packs write in capitals (US, UK, UN, EU) are acronyms in these names too.
  const acronyms = new Set([...curated.actors.values()].flatMap((a) => [a.name, ...a.aliases]).flatMap((n) => n.split(/[\s-]+/))
    .filter((w) => /^[A-Z]{2,}$/.test(w) && !PARTICLES.has(w.toLowerCase()) && !ENGLISH_SHORT.has(w.toLowerCase())));
  const states = new Set([...curated.actors.values()].filter((a) => a.type === 'state').map((a) => a.id));
  const words = (name: string) => normalizeName(name).split(' ').filter(Boolean);
  // IGO, NGO and other international codes name no state.
  const countryOf = (c: Code) => (states.has(c.code.slice(0, 3)) ? c.code.slice(0, 3) : undefined);
  const distinctive = (phrase: string) => {
    const n = phraseName(phrase).name;
    return n === null ? [] : words(n).filter((w) => w.length >= 4 && !commonWords.has(w) && !NAMED_ORG_WORDS.has(w) && !TITLES.has(w));
  };

  const raw = (['countries', 'international', 'milnonstate'] as const).flatMap((s) => lendCodes(parseDictionary(texts[s], s), distinctive));
  // Entries from CountryInfo's leaders and ministers, or from the IGO rulers' list, are people.
  const isCountryInfo = (e: RawEntry) => /CountryInfo|IGOrulers/.test(e.comment);
  // Given names: the first words of those people's names of two words or more ("SUHARTO_" alone gives none); a
  // phrase starting with one (after titles) names a person. First names: given names that open more than twice
  // as many names as they close ("Hassan"; "Mubarak" is not one).
  const people = raw.filter(isCountryInfo).map((e) => {
    const n = phraseName(e.head).name;
    return n === null ? [] : words(n).filter((w) => !TITLES.has(w));
  }).filter((ws) => ws.length >= 2);
  const opens = new Map<string, number>();
  const closes = new Map<string, number>();
  for (const ws of people) {
    opens.set(ws[0], (opens.get(ws[0]) ?? 0) + 1);
    closes.set(ws.at(-1)!, (closes.get(ws.at(-1)!) ?? 0) + 1);
  }
  const givenNames = new Set([...opens.keys()].filter((w) => w.length >= 3 && !PARTICLES.has(w) && !commonWords.has(w) && !NAMED_ORG_WORDS.has(w)));
  const firstNames = new Set([...givenNames].filter((w) => opens.get(w)! > 2 * (closes.get(w) ?? 0)));
  const orgWord = (w: string) => ORG_WORDS.has(w) || NAMED_ORG_WORDS.has(w);
  const hasOrgWord = (name: string) => words(name).some(orgWord);
  const endsInOrgWord = (name: string) => orgWord(words(name).at(-1) ?? '');
  // Two to five words (a hyphenated compound such as "Riyadh-as-Saliheen" is one), the first a given name.
  const personLike = (name: string) => {
    const spaced = name.split(' ').filter((w) => !TITLES.has(normalizeName(w)));
    return !hasOrgWord(name) && spaced.length >= 2 && spaced.length <= 5 && givenNames.has(normalizeName(spaced[0]));
  };

  const drafts: Draft[] = [];
  for (const e of raw) {
    if (e.codes.length === 0) {
      drop('entry: no code', e.head);
      continue;
    }
    if (e.codes.some((c) => c.code === '---')) {
      drop('entry: null code [---]', e.head);
      continue;
    }
    // The country itself, or one of its places ("AFGHANISTAN_ [AFG]" with its cities and provinces).
    if (e.source === 'countries' && e.codes.some((c) => /^[A-Z]{3}$/.test(c.code))) {
      drop('entry: country or place', e.head);
      continue;
    }
    const dated = e.codes.filter((c) => c.dated && !c.bad);
    if (dated.length > 0 && !dated.some((c) => codeEnd(c) >= KEEP_FROM)) {
      drop('entry: every dated code ended before 1981', e.head);
      continue;
    }
    const primary = primaryCode(e.codes);
    const prefix = primary.code.slice(0, 3);
    if (prefix === 'MNC' || e.codes.every((c) => c.code.startsWith('MNC'))) {
      drop('entry: company (MNC)', e.head);
      continue;
    }
    const names: string[] = [];
    for (const phrase of [e.head, ...e.synonyms]) {
      const { name, acronym } = phraseName(phrase, acronyms);
      if (name === null) drop('name: not a plain name', phrase);
      else names.push(name);
      if (acronym !== null) names.push(acronym);
    }
    if (names.length === 0) {
      drop('entry: no usable name', e.head);
      continue;
    }
    const role = roleOf(primary.code);
    // CountryInfo's leaders and ministers are people; elsewhere a person's name has no organisation word, nor
    // has any of its other names at its end ("IZZ_AD-DIN_AL_QASSAM" +"AL-QASSAM_BRIGADES" is the group), and it
    // starts with a given name, or is of two words or more coded as an elite (ELI) or with dates.
    const person = isCountryInfo(e) || (!hasOrgWord(names[0]) && !names.some(endsInOrgWord)
      && (personLike(names[0]) || (words(names[0]).length >= 2 && (role === 'ELI' || (dated.length > 0 && e.source !== 'milnonstate')))));
    if (!person && e.source === 'countries' && role === undefined) {
      drop('entry: country or place', e.head);
      continue;
    }
    const type: ActorType = person ? 'person'
      : prefix === 'IGO' ? 'igo'
      : prefix === 'NGO' ? 'ngo'
      : prefix === 'IMG' || e.source === 'milnonstate' ? 'armed_group'
      : ROLE_TYPE[role ?? ''] ?? 'ngo';
    const country = countryOf(primary);
    drafts.push({ source: e.source, line: e.line, names, type, ...(country !== undefined && { country }), primary, codes: e.codes });
  }
  return { actors: finish(drafts, curated, { countryOf, firstNames, distinctive, endsInOrgWord, commonPhrases, plainWords, personLike, hasOrgWord, drop }), dropped };
}

interface Helpers {
  countryOf: (c: Code) => string | undefined;
  firstNames: Set<string>;
  distinctive: (name: string) => string[];
  endsInOrgWord: (name: string) => boolean;
  commonPhrases: Set<string>;
  plainWords: Set<string>;
  personLike: (name: string) => boolean;
  hasOrgWord: (name: string) => boolean;
  drop: (rule: string, what: string) => void;
}

/** Names checked against the curated packs and each other; entries merged, named and written out. */
function finish(drafts: Draft[], curated: Knowledge, h: Helpers): Record<string, unknown>[] {
  const { drop } = h;
  // Everything the hand-curated packs call something: their names win.
  const known = new Set<string>();
  for (const a of curated.actors.values()) for (const n of [a.name, ...a.aliases, ...a.contextAliases, ...(a.demonyms ?? [])]) known.add(normalizeName(n));
  for (const o of curated.offices.values()) for (const t of o.titles) known.add(normalizeName(t));
  for (const p of curated.places.values()) for (const n of [p.name, ...p.aliases]) known.add(normalizeName(n));
  const m = createMatcher(curated);
  /**
   * What the curated packs read the whole of a name as (exactly, as a spelling variant, an office, or
   * "<demonym> <agent noun>"), if anything: an actor, else {} for a place or a name they list.
   */
  const reads = (name: string): { actor?: Actor } | null => {
    const scan = findMentions(m, name);
    const whole = (x: { start: number; end: number }) => x.start === 0 && x.end === name.length;
    const actor = scan.actors.find(whole);
    if (actor) return { actor: curated.actors.get(actor.actorId)! };
    return known.has(normalizeName(name)) || scan.places.some(whole) ? {} : null;
  };

  // Organisations by their Phoenix code, for the people coded alike: code → (actor id → entries coded so),
  // the curated world pack's apart from generated ones.
  const claims = { curated: new Map<string, Map<string, number>>(), generated: new Map<string, Map<string, number>>() };
  const claim = (by: Map<string, Map<string, number>>, code: string, id: string) => {
    const ids = by.get(code) ?? new Map<string, number>();
    by.set(code, ids.set(id, (ids.get(id) ?? 0) + 1));
  };
  /** The organisation most entries with this code name (curated first), if one leads. */
  const orgOf = (code: string): string | undefined => {
    for (const by of [claims.curated, claims.generated]) {
      const ranked = [...(by.get(code) ?? [])].sort((a, b) => b[1] - a[1]);
      if (ranked.length > 0) return ranked.length === 1 || ranked[0][1] > ranked[1][1] ? ranked[0][0] : undefined;
    }
    return undefined;
  };
  const kept: Draft[] = [];
  for (const d of drafts) {
    // An entry whose own name the curated packs read is their actor (or place): its other names would make a double.
    const own = reads(d.names[0]);
    if (own) {
      drop('entry: its name is a curated actor or place', `${d.names[0]} → ${own.actor?.id ?? 'a place or name'}`);
      if (d.type !== 'person' && own.actor?.pack === 'world') claim(claims.curated, d.primary.code, own.actor.id);
      continue;
    }
    const seen = new Set<string>();
    const headWords = new Set(h.distinctive(d.names[0]));
    const names = d.names.filter((n, i) => {
      const key = normalizeName(n);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      const ws = key.split(' ');
      const letters = key.replace(/ /g, '').length;
      if ((ws.length === 1 || ws.every((w) => w.length === 1)) && letters < 5) return drop('name: one word of fewer than 5 letters', n), false;
      if (h.commonPhrases.has(key)) return drop('name: a common word or phrase', n), false;
      const number = (w: string) => /^\d+(?:st|nd|rd|th)?$/.test(w);
      const content = ws.filter((w) => !PARTICLES.has(w) && !number(w));
      if (content.length <= 2 && ws.every((w) => h.plainWords.has(w) || number(w))) return drop('name: two common words or fewer', n), false;
      // A first name alone ("Abdullah", "Hassan": far more often the first word of a name than the last) names no one in particular.
      if (ws.length === 1 && h.firstNames.has(key)) return drop('name: a given name alone', n), false;
      // A person listed among an organisation's names ("HAMAS_ +KHALED_MESHAAL") is not a name of it, nor an organisation a name of a person.
      if (i > 0 && d.type !== 'person' && h.personLike(n)) return drop('name: a person among an organisation\'s names', n), false;
      // "Secretary of State Colin Powell" is the person; "Al-Quds Brigades" or "Reagan Administration" is not.
      const orgName = h.endsInOrgWord(n) || (h.hasOrgWord(n) && !h.distinctive(n).some((w) => headWords.has(w)));
      if (i > 0 && d.type === 'person' && orgName) return drop('name: an organisation among a person\'s names', n), false;
      const read = reads(n);
      if (read) return drop('name: curated packs already read it', `${n} → ${read.actor?.id ?? 'a place or name'}`), false;
      return true;
    });
    if (names.length > 0) kept.push({ ...d, names });
    else drop('entry: no name left', d.names[0]);
  }

  // One actor listed twice, of one type and country (or one of the two without a country): the same headword
  // ("GHAZI_AL_YAWER_"), or a shared name of two distinctive words at least ("KOFI_ANNAN_" and "KOFI_ATTA_ANNAN_",
  // both "Kofi Atta Annan"); "President Bush" (one distinctive word) joins no two Bushes. The merged entry keeps
  // the earlier one's id and name, and takes its country from the most recent of all its codes.
  const parent = kept.map((_, i) => i);
  const country = kept.map((d) => d.country);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const firstWith = new Map<string, number>();
  kept.forEach((d, i) => {
    for (const [j, n] of d.names.entries()) {
      if (j > 0 && h.distinctive(n).length < 2) continue;
      const key = `${d.type}|${normalizeName(n)}`;
      const other = firstWith.get(key);
      if (other === undefined) {
        firstWith.set(key, i);
        continue;
      }
      const [a, b] = [find(other), find(i)].sort((x, y) => x - y);
      if (a === b || (country[a] !== undefined && country[b] !== undefined && country[a] !== country[b])) continue;
      parent[b] = a;
      country[a] ??= country[b];
    }
  });
  const merged: Draft[] = [];
  const groups = new Map<number, Draft>();
  kept.forEach((d, i) => {
    const root = find(i);
    const into = groups.get(root);
    if (into === undefined) {
      groups.set(root, d);
      merged.push(d);
      return;
    }
    into.names.push(...d.names.filter((n) => !into.names.some((f) => normalizeName(f) === normalizeName(n))));
    into.codes.push(...d.codes);
    into.primary = primaryCode(into.codes);
    const c = h.countryOf(into.primary);
    if (c !== undefined) into.country = c;
    drop('entry: merged with an earlier one of the same actor', d.names[0]);
  });
  // A name two entries give names neither: the matcher could only guess.
  const owners = new Map<string, number>();
  for (const d of merged) for (const n of d.names) owners.set(normalizeName(n), (owners.get(normalizeName(n)) ?? 0) + 1);
  const out: { d: Draft; id: string; names: string[] }[] = [];
  const ids = new Set<string>();
  for (const d of merged) {
    const names = d.names.filter((n) => owners.get(normalizeName(n)) === 1);
    for (const n of d.names) if (!names.includes(n)) drop('name: shared by several entries', n);
    if (names.length === 0) {
      drop('entry: no name left', d.names[0]);
      continue;
    }
    let id = `${PREFIX}${snake(names[0])}`;
    for (let i = 2; ids.has(id); i++) id = `${PREFIX}${snake(names[0])}_${i}`;
    ids.add(id);
    // Only a name with an organisation word ("Nordic Council") surely is one: "SUBROTO_ [IGOBUSOPC]" is OPEC's secretary-general.
    if (d.type !== 'person' && h.hasOrgWord(names[0])) claim(claims.generated, d.primary.code, id);
    out.push({ d, id, names });
  }
  return out.map(({ d, id, names }) => {
    // A person of an international body speaks for it: the one organisation the dictionary codes alike.
    const org = d.type === 'person' && /^(?:IGO|NGO|IMG)/.test(d.primary.code) ? orgOf(d.primary.code) : undefined;
    return {
      id,
      name: names[0],
      type: d.type,
      ...(d.country !== undefined && { country: d.country }),
      ...(names.length > 1 && { aliases: names.slice(1) }),
      ...(org !== undefined && { organisation: org }),
      fuzzy: false,
      note: `Phoenix ${d.codes.map(codeText).join(', ')}`,
    };
  });
}

function codeText(c: Code): string {
  if (!c.dated || c.bad) return c.code;
  return `${c.code} ${c.from ?? ''}/${c.to ?? ''}`;
}

// ------------------------------------------------------------------ command line

/**
 * The packs as curated by hand: every default pack, without the file this script writes (copied aside,
 * so that an out-of-date generated file can neither block nor colour the next build).
 */
export function curatedKnowledge(): Knowledge {
  const tmp = mkdtempSync(join(tmpdir(), 'tw-curated-'));
  try {
    const dirs = defaultPackDirs().map((dir) => {
      const to = join(tmp, basename(dir));
      cpSync(dir, to, { recursive: true, filter: (src) => basename(src) !== OUT_FILE });
      return to;
    });
    return loadPacks(dirs);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const [countries, international, milnonstate, outDir = WORLD] = args.filter((a) => a !== '--verbose');
  if (!countries || !international || !milnonstate) {
    process.stderr.write('usage: node --import tsx scripts/build-phoenix-actors.ts <Countries.txt> <International.txt> <MilNonState.txt> [out-dir] [--verbose]\n');
    process.exit(2);
  }
  const texts = { countries: readFileSync(countries, 'utf8'), international: readFileSync(international, 'utf8'), milnonstate: readFileSync(milnonstate, 'utf8') };
  const { actors, dropped } = buildActors(texts, curatedKnowledge());
  const header = [
    '# GENERATED by scripts/build-phoenix-actors.ts from the PETRARCH2 Phoenix actor dictionaries',
    '# (openeventdata/petrarch2, petrarch2/data/dictionaries/: Phoenix.Countries.actors.txt,',
    '# Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt), MIT licence, Copyright (c) 2014',
    '# Open Event Data Alliance (the Countries dictionary was itself generated from CountryInfo, CC BY-SA 3.0,',
    '# Philip A. Schrodt; see LICENSE-CountryInfo.md). People and organisations with their country; `note` keeps',
    '# the Phoenix codes. Do not edit by hand: names the hand-curated packs define win; change the script and re-run it.',
  ].join('\n');
  // JSON is YAML too; one entry per line keeps the file greppable and lets the loader take its JSON fast path.
  writeFileSync(join(outDir, OUT_FILE), `${header}\n[\n${actors.map((a) => JSON.stringify(a)).join(',\n')}\n]\n`);
  const types = new Map<string, number>();
  for (const a of actors) types.set(a.type as string, (types.get(a.type as string) ?? 0) + 1);
  process.stderr.write(`${actors.length} actors → ${join(outDir, OUT_FILE)}\n`);
  process.stderr.write(`  by type: ${[...types].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ')}\n`);
  for (const [rule, what] of dropped) {
    process.stderr.write(`  dropped ${rule}: ${what.length}\n`);
    if (verbose) for (const w of what) process.stderr.write(`    ${w}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
