/** Page pictures, shard 2 of 2 (photograph.ts): two files, so jest's two workers share the pictures. */
import { photographShard } from './photograph';

photographShard(2, 2);
