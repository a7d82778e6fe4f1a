// A trie over token sequences. Matching walks it from each start token and keeps the longest
// accepted match; names are at most a few words long, so the cost is linear in the text length.
import { caseOk, type CaseRule, type NameToken } from './tokens.ts';

export interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  /** Values of the names that end here, each with the case rules of its words. */
  values: { value: T; rules: CaseRule[] }[];
}

export function newNode<T>(): TrieNode<T> {
  return { next: new Map(), values: [] };
}

/** Adds a name (its keys, one per word) and returns the node where it ends. */
export function insert<T>(root: TrieNode<T>, keys: string[], value: T, rules: CaseRule[]): TrieNode<T> {
  let node = root;
  for (const key of keys) {
    let child = node.next.get(key);
    if (!child) node.next.set(key, (child = newNode()));
    node = child;
  }
  node.values.push({ value, rules });
  return node;
}

export interface TrieMatch<T> {
  /** One past the last token of the match. */
  end: number;
  /** Values whose case rules the text satisfies. */
  values: T[];
}

/**
 * The longest name starting at token `i`. `key` gives the trie key of a token (its normalised form, or
 * a phonetic skeleton for the fuzzy index); `checkCase` false ignores case rules (look-ups).
 */
export function longest<T>(
  root: TrieNode<T>,
  tokens: NameToken[],
  i: number,
  key: (t: NameToken) => string = (t) => t.norm,
  checkCase = true,
): TrieMatch<T> | null {
  let best: TrieMatch<T> | null = null;
  let node: TrieNode<T> | undefined = root;
  for (let j = i; j < tokens.length && (j === i || tokens[j].joined); j++) {
    node = node.next.get(key(tokens[j]));
    if (!node) break;
    if (node.values.length === 0) continue;
    const ok = node.values.filter((v) => !checkCase || v.rules.every((r, n) => caseOk(r, tokens[i + n])));
    if (ok.length > 0) best = { end: j + 1, values: ok.map((v) => v.value) };
  }
  return best;
}
