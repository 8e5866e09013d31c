/** A greeting for the time of day in Beijing, whatever zone the function runs in. */
import { partsOf } from '../../../miniprogram/shared/calendar';

/** 早上好 / 中午好 / 下午好 / 晚上好. */
export function greeting(now: Date): string {
  const { hour } = partsOf(now);
  if (hour < 5) return '夜深了，注意休息';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}
