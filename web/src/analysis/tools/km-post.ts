// Kilometre posts as Thai highway staff write them ("12+300": km 12, 300 m on).

/** A kilometre figure as a km post, to the metre: 12.3 → "12+300". */
export function formatKmPost(km: number): string {
  // Rounded to whole metres first, so 12.9996 reads "13+000" rather than "12+1000".
  const metres = Math.max(0, Math.round(km * 1000));
  return `${Math.floor(metres / 1000)}+${String(metres % 1000).padStart(3, '0')}`;
}

/** Both ends of a km stretch: [12.3, 12.8] → ["12+300", "12+800"]. */
export function kmPostRange(fromKm: number, toKm: number): [string, string] {
  return [formatKmPost(fromKm), formatKmPost(toKm)];
}
