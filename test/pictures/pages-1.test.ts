/** Page pictures, shard 1 of 2 (photograph.ts): two files, so jest's two workers share the pictures. */
import { photographShard } from './photograph';

photographShard(1, 2);
