import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runEval } from '../../src/eval/run.ts';

const ROOT = join(import.meta.dirname, '../..');
const SHARED = join(ROOT, '../shared');
const DOC = '001_886702d4e5dac6fe.txt';

/** A corpus and gold folder holding one shared article, which keeps the run fast. */
function oneArticle(): { articles: string; gold: string } {
  const dir = mkdtempSync(join(tmpdir(), 'eval-'));
  const articles = join(dir, 'articles');
  const gold = join(dir, 'gold');
  mkdirSync(articles);
  mkdirSync(gold);
  copyFileSync(join(SHARED, 'corpus/articles', DOC), join(articles, DOC));
  copyFileSync(join(SHARED, 'eval/gold', `${DOC}.gold.json`), join(gold, `${DOC}.gold.json`));
  copyFileSync(join(SHARED, 'eval/gold/actors.json'), join(gold, 'actors.json'));
  return { articles, gold };
}

test('eval names a missing folder, a folder without gold files, and a gold file without its article', async () => {
  const { articles, gold } = oneArticle();
  await assert.rejects(runEval({ corpus: '/nonexistent/articles', gold }), /corpus directory \/nonexistent\/articles does not exist/);
  await assert.rejects(runEval({ corpus: articles, gold: articles }), /no \*\.gold\.json files/);
  rmSync(join(articles, DOC));
  await assert.rejects(runEval({ corpus: articles, gold }), new RegExp(`gold file for ${DOC.replace('.', '\\.')} has no article`));
});

test('eval --json prints one JSON report, and nothing else, on stdout', () => {
  const { articles, gold } = oneArticle();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/trucewatch.js'), 'eval', '--json', '--corpus', articles, '--gold', gold], {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000,
  });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.articles.map((a: { document: string }) => a.document), [DOC]);
  for (const k of ['micro', 'events', 'statements', 'truces', 'published', 'claims', 'actor_mentions', 'dates']) assert.ok(k in report, k);
  for (const part of [report.events, report.statements, report.claims, report.actor_mentions.trucewatch, report.actor_mentions.compromise]) {
    for (const k of ['p', 'r', 'f1']) assert.ok(part[k] >= 0 && part[k] <= 1, `${k}=${part[k]}`);
  }
  // Gold counts come from the gold file: 10 events, 11 statements, 3 truce states.
  assert.equal(report.micro.events.gold, 10);
  assert.equal(report.micro.statements.gold, 11);
  assert.equal(report.truces.total, 3);
  assert.equal(report.published.total, 1);
  assert.equal(report.articles[0].error, undefined);
});
