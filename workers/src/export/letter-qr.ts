// QR code for the letter: the qrcode package's module matrix drawn as a crisp inline SVG (no canvas, no I/O).
import QRCode from 'qrcode';

/** White modules kept around the code so scanners find it (the standard's quiet zone). */
export const QR_QUIET_MODULES = 4;

/** The dark/light modules of `text`'s QR code (error correction M), row by row, without the quiet zone. */
export function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, y) =>
    Array.from({ length: modules.size }, (_, x) => modules.get(y, x) === 1),
  );
}

/** An <svg> of `text`'s QR code, one path of dark runs on white; it scales to its box (CSS sets the size). */
export function qrSvg(text: string): string {
  const rows = qrModules(text);
  const side = rows.length + 2 * QR_QUIET_MODULES;
  let path = '';
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length;) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (row[x]) x += 1;
      path += `M${start + QR_QUIET_MODULES} ${y + QR_QUIET_MODULES}h${x - start}v1h${start - x}z`;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
