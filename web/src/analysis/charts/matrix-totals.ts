// Totals of the weekday × hour matrix: per weekday, per hour, overall, and the largest cell (the colour scale's top).

export interface MatrixTotals {
  rows: number[];
  columns: number[];
  total: number;
  max: number;
}

export const HOURS = 24;
export const WEEKDAYS = 7;

/** Missing rows or cells count as zero, so a short array cannot break the table. */
export function matrixTotals(matrix: readonly (readonly number[])[]): MatrixTotals {
  const rows: number[] = [];
  const columns = new Array<number>(HOURS).fill(0);
  let max = 0;
  for (let day = 0; day < WEEKDAYS; day++) {
    let sum = 0;
    for (let hour = 0; hour < HOURS; hour++) {
      const count = matrix[day]?.[hour] ?? 0;
      sum += count;
      columns[hour] = (columns[hour] ?? 0) + count;
      max = Math.max(max, count);
    }
    rows.push(sum);
  }
  return { rows, columns, total: rows.reduce((a, b) => a + b, 0), max };
}
