// A 5,000-row stakeholder spreadsheet read, checked and written to a board (the work between
// choosing the file and seeing the map), median of 5 runs. Figures, never asserted.
// Run: node --import tsx scripts/bench-stakeholder-import.ts
import * as Y from 'yjs';
import { createBoard } from '../src/core/boards';
import { initWorkshop } from '../src/core/meta';
import { addStakeholders, SECTORS } from '../src/core/stakeholders';
import { readStakeholderCsv } from '../src/export/stakeholder-import';
import { loadLocale, translator } from '../src/i18n/i18n';
import { median } from './bench-seed';

const ROWS = 5000;
const RUNS = 5;

const text = `\uFEFFName,Sector,Engagement level,Needs,Interests,Motivations,What they bring\r\n${Array.from({ length: ROWS }, (_, i) =>
  `"Stakeholder ${i}, ក្រសួង ${i}",${SECTORS[i % SECTORS.length]},Pilot,"Data, money and time",Results,Mandate,"Staff in ${i % 25} provinces"`).join('\r\n')}\r\n`;

await loadLocale('km');
const languages = [translator('en'), translator('km')];
const times = { read: [] as number[], write: [] as number[] };
for (let run = 0; run < RUNS; run++) {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Bench', createdBy: 'p1' }, 'setup');
  const board = createBoard(doc, { type: 'stakeholders', title: 'Map' }, 'setup');
  if (!board.ok) throw new Error(board.error);
  const start = performance.now();
  const result = readStakeholderCsv([{ name: 'bench.csv', text }], languages, new Map());
  const read = performance.now();
  if (result.stakeholders.length !== ROWS || result.errors.length > 0) throw new Error('bench file did not read cleanly');
  const written = addStakeholders(doc, board.value, result, 'p1', 'bench');
  if (!written.ok) throw new Error(written.error);
  times.read.push(read - start);
  times.write.push(performance.now() - read);
}
const total = times.read.map((r, i) => r + times.write[i]!);
console.log(`stakeholder CSV import, ${ROWS} rows (${(text.length / 1024).toFixed(0)} KB): read and check ${median(times.read).toFixed(0)} ms, `
  + `write ${median(times.write).toFixed(0)} ms, total ${median(total).toFixed(0)} ms (median of ${RUNS}; target ≤ 2000 ms)`);
