import { describe, expect, it } from 'vitest';
import { BOARD_TYPES } from '../../../src/core/board-kinds';
import { createBoard, listBoards } from '../../../src/core/boards';
import { newWorkshop, unwrap } from '../core/helpers';
import { csvRowsOf, htmlOf, markdownOf } from '../../../src/export/board-sections';
import { summaryModel } from '../../../src/export/summary-model';
import { seriesPart } from '../../../src/export/series-part';
import { agreementWorkshop } from '../core/agreement-fixture';
import { fixtureWorkshop, t } from './helpers';
import { fixtureSeries, M1 } from './series-fixture';

describe('board sections', () => {
  it('give every kind of board its own section, CSV rows, HTML and Markdown', () => {
    const { doc } = fixtureWorkshop();
    // The agreement has a workshop of its own: in the shared one, every summary golden would change.
    const agreement = agreementWorkshop().doc;
    // So has a meeting's Since last time step, which only meetings after the first open with.
    const since = newWorkshop('Meeting 2');
    unwrap(createBoard(since, { type: 'since', title: 'Since last time' }, 'test'));
    const boards = [...listBoards(doc), ...listBoards(agreement).filter((b) => b.type === 'agreement'), ...listBoards(since)];
    // An Actions board and the Since last time step list their series' actions.
    const series = seriesPart(fixtureSeries(), M1);
    const model = summaryModel(doc, { series });
    model.sections.push(...summaryModel(agreement).sections.filter((s) => s.kind === 'agreement'));
    model.sections.push(...summaryModel(since, { series }).sections);
    for (const type of BOARD_TYPES) {
      const board = boards.find((b) => b.type === type);
      expect(board, `the fixture has a ${type} board`).toBeDefined();
      const section = model.sections.find((s) => s.title === board!.title)!;
      expect(section.kind).toBe(type);
      const rows = csvRowsOf(section, t);
      expect(rows.length, `${type} rows`).toBeGreaterThan(0);
      expect(rows.every((r) => r.board === board!.title && r.text)).toBe(true);
      expect(htmlOf(section, t), `${type} HTML`).toContain(rows[0]!.text);
      expect(markdownOf(section, t).join('\n'), `${type} Markdown`).toContain(rows[0]!.text);
    }
  });

});
