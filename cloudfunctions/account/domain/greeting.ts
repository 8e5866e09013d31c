/** A greeting for the time of day in Beijing (functions run in UTC; residents live in UTC+8). */

/** 早上好 / 中午好 / 下午好 / 晚上好. */
export function greeting(now: Date): string {
  const hour = (now.getUTCHours() + 8) % 24;
  if (hour < 5) return '夜深了，注意休息';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}
