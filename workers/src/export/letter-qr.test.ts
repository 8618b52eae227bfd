import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { QR_QUIET_MODULES, qrSvg } from './letter-qr';

/** Redraws the SVG's path (runs `M x y h n v1 h -n z`) as a module grid. */
function modulesOfSvg(svg: string): boolean[][] {
  const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const grid = Array.from({ length: side }, () => new Array<boolean>(side).fill(false));
  for (const [, x, y, n] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(n); i++) grid[Number(y)]![Number(x) + i] = true;
  }
  return grid;
}

describe('qrSvg', () => {
  it('draws exactly the modules the qrcode package encodes for the text, inside a quiet zone', () => {
    const hash = '5ed9b6adbae2941abe3844b30173eada01e98ce908b1a6d8edb67c7db970ebbb';
    const { modules } = QRCode.create(hash, { errorCorrectionLevel: 'M' });
    const grid = modulesOfSvg(qrSvg(hash));
    expect(grid).toHaveLength(modules.size + 2 * QR_QUIET_MODULES);
    grid.forEach((row, y) =>
      row.forEach((dark, x) => {
        const [my, mx] = [y - QR_QUIET_MODULES, x - QR_QUIET_MODULES];
        const inside = my >= 0 && mx >= 0 && my < modules.size && mx < modules.size;
        expect(dark, `${x},${y}`).toBe(inside && modules.data[my * modules.size + mx] === 1);
      }),
    );
  });

  it('differs for a different hash', () => {
    expect(qrSvg('a'.repeat(64))).not.toBe(qrSvg('b'.repeat(64)));
  });
});
