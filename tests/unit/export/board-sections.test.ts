import { describe, expect, it } from 'vitest';
import { BOARD_TYPES } from '../../../src/core/board-kinds';
import { listBoards } from '../../../src/core/boards';
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
    const boards = [...listBoards(doc), ...listBoards(agreement).filter((b) => b.type === 'agreement')];
    // An Actions board lists its series' actions.
    const model = summaryModel(doc, { series: seriesPart(fixtureSeries(), M1) });
    model.sections.push(...summaryModel(agreement).sections.filter((s) => s.kind === 'agreement'));
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
