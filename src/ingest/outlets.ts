// Media an article quotes or names as its source ("told Al-Araby Al-Jadeed", "Reuters reported",
// "(AFP)"). Surface names only: normalising them to media_outlet actors is the knowledge stage's job.
import { boilerplateRules } from './patterns.ts';

/** Outlet names as written, de-duplicated (case- and space-insensitively), in order of appearance. */
export function findOutletsCited(text: string): string[] {
  const rules = boilerplateRules();
  const found: { at: number; name: string }[] = [];
  for (const re of rules.outlets) {
    for (const m of text.matchAll(re)) {
      const name = trimName(m[1], rules.notNames);
      if (name) found.push({ at: m.index + m[0].indexOf(m[1]), name });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { name } of found) {
    const key = name.toLowerCase().replace(/\s+/gu, ' ');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

/** Cuts a leading sentence opener ("On Sunday Reuters" → "Reuters") and trailing punctuation. */
function trimName(raw: string, notNames: Set<string>): string | null {
  const words = raw.trim().split(/\s+/u);
  let start = 0;
  words.forEach((w, i) => {
    if (notNames.has(w)) start = i + 1;
  });
  const name = words.slice(start).join(' ').replace(/[\s.,'’&-]+$/u, '');
  return name && !notNames.has(name) ? name : null;
}
