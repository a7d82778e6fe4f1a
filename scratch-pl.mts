import { loadContext, processInput } from './src/pipeline/run.ts';
import { loadPloverRecords, recordInput, judgeRecord } from './src/eval/plover.ts';
import { writeFileSync } from 'node:fs';
const ctx = loadContext();
const out: string[] = [];
for (const r of loadPloverRecords('../shared/reference/plover-gsr/records.jsonl')) {
  const { extraction } = processInput(recordInput(r), ctx);
  const o = judgeRecord(r, extraction.events, ctx.knowledge);
  out.push(`${r.id} src=${o.source} tgt=${o.target} ${o.system_source.join('+')}→${(o as any).system_target?.join('+')} | ${r.text.slice(0, 150)}`);
}
writeFileSync(process.argv[2], out.join('\n') + '\n');
