// Which filters the crash tiles read from the cells counted ahead: whole years, severities and sources up to zoom 13.
import { describe, expect, it } from 'vitest';
import { cellsAnswer, CELL_MAX_ZOOM } from './crash-cells.sql';

describe('cellsAnswer', () => {
  it('takes no filter, whole years, severities and sources', () => {
    expect(cellsAnswer({}, 6)).toBe(true);
    expect(
      cellsAnswer({ from: '2021-01-01', to: '2023-12-31', severities: ['fatal'], sources: ['doh_csv'] }, 11),
    ).toBe(true);
    expect(cellsAnswer({ to: '2020-12-31' }, 0)).toBe(true);
  });

  it('leaves parts of years, places, times and vocabularies to the crashes, and zooms past the cells', () => {
    expect(cellsAnswer({ from: '2021-03-01' }, 6)).toBe(false);
    expect(cellsAnswer({ to: '2023-12-30' }, 6)).toBe(false);
    expect(cellsAnswer({ area: 'TH24' }, 6)).toBe(false);
    expect(cellsAnswer({ hours: [7, 8] }, 6)).toBe(false);
    expect(cellsAnswer({ festival: 'songkran' }, 6)).toBe(false);
    expect(cellsAnswer({ causes: ['speeding'] }, 6)).toBe(false);
    expect(cellsAnswer({}, CELL_MAX_ZOOM + 1)).toBe(false);
  });
});
