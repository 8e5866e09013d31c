/** Distances as people say them, for every page that shows one. */

/** "350 米" / "1.2 公里". */
export function distanceWords(metres: number): string {
  const m = Math.round(metres);
  return m < 1000 ? `${m} 米` : `${(m / 1000).toFixed(1)} 公里`;
}
