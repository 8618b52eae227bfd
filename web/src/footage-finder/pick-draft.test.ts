// Small tests for picking cameras: the whole window by default, trims inside the window, the body or the problem.
import { describe, expect, it } from 'vitest';
import { MAX_PICKED, picksInput, picksOf, setTrim, togglePick, trimBounds, type Trim } from './pick-draft';

const window = { from: Date.parse('2025-11-22T07:00:00.400Z'), to: Date.parse('2025-11-22T07:30:00.600Z') };

describe('trimBounds', () => {
  it('are whole Bangkok seconds just around the window', () => {
    expect(trimBounds(window)).toEqual({ from: '2025-11-22T14:00:00', to: '2025-11-22T14:30:01' });
  });
});

describe('togglePick and setTrim', () => {
  it('picks a camera for the whole window and unpicks it', () => {
    const picked = togglePick(new Map(), 3, window);
    expect(picked.get(3)).toEqual(trimBounds(window));
    expect(togglePick(picked, 3, window).size).toBe(0);
  });

  it('trims one end of a picked camera only', () => {
    const picked = setTrim(togglePick(new Map(), 3, window), 3, { from: '2025-11-22T14:10' });
    expect(picked.get(3)).toEqual({ from: '2025-11-22T14:10', to: '2025-11-22T14:30:01' });
    expect(setTrim(new Map(), 4, { from: '2025-11-22T14:10' }).size).toBe(0);
  });
});

describe('picksInput', () => {
  it('sends the whole window as the request’s exact ends', () => {
    expect(picksInput(togglePick(new Map(), 3, window), window)).toEqual({
      cameras: [{ cameraId: 3, from: '2025-11-22T07:00:00.400Z', to: '2025-11-22T07:30:00.600Z' }],
    });
  });

  it('sends a trim as UTC instants read in Bangkok time', () => {
    const picks = new Map<number, Trim>([[5, { from: '2025-11-22T14:05', to: '2025-11-22T14:06:30' }]]);
    expect(picksInput(picks, window)).toEqual({
      cameras: [{ cameraId: 5, from: '2025-11-22T07:05:00.000Z', to: '2025-11-22T07:06:30.000Z' }],
    });
  });

  it('says what is wrong: nothing picked, an empty end, outside the window, ends swapped, too many', () => {
    expect(picksInput(new Map(), window)).toEqual({ kind: 'none' });
    expect(picksInput(new Map([[1, { from: '', to: '2025-11-22T14:06' }]]), window)).toEqual({
      kind: 'incomplete',
      cameraId: 1,
    });
    expect(
      picksInput(new Map([[1, { from: '2025-11-22T13:59:59', to: '2025-11-22T14:06' }]]), window),
    ).toEqual({
      kind: 'outside',
      cameraId: 1,
    });
    expect(picksInput(new Map([[1, { from: '2025-11-22T14:07', to: '2025-11-22T14:06' }]]), window)).toEqual({
      kind: 'order',
      cameraId: 1,
    });
    const many = new Map(
      Array.from({ length: MAX_PICKED + 1 }, (_, i) => [i + 1, trimBounds(window)] as const),
    );
    expect(picksInput(many, window)).toEqual({ kind: 'tooMany', max: MAX_PICKED });
  });
});

describe('picksOf', () => {
  it('starts from the cameras saved on the request, which round-trip unchanged', () => {
    const request = {
      cameras: [
        {
          cameraId: 2,
          name: 'A',
          nameTh: 'ก',
          from: '2025-11-22T07:05:00.000Z',
          to: '2025-11-22T07:10:00.000Z',
          chosenBy: 'x',
        },
      ],
    };
    const picks = picksOf(request);
    expect(picks.get(2)).toEqual({ from: '2025-11-22T14:05:00', to: '2025-11-22T14:10:00' });
    expect(picksInput(picks, window)).toEqual({
      cameras: [{ cameraId: 2, from: '2025-11-22T07:05:00.000Z', to: '2025-11-22T07:10:00.000Z' }],
    });
  });
});

describe('MAX_PICKED', () => {
  it('is the server schema’s limit', () => {
    expect(MAX_PICKED).toBe(16);
  });
});
