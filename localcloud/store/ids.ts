/** Document ids shaped like CloudBase's: 32 hex characters, time-prefixed so they sort roughly by creation. */
import { randomBytes } from 'node:crypto';

let counter = randomBytes(3).readUIntBE(0, 3);

/** A new document id. */
export function newDocId(nowMs: number): string {
  counter = (counter + 1) % 0xffffff;
  const time = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8);
  return time + randomBytes(9).toString('hex') + counter.toString(16).padStart(6, '0');
}
