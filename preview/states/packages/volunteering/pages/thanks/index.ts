/** 年度感谢 pictures: 秣陵社区's year as a volunteer sees it (赵磊 and 刘洋 agreed to be named in the demo); as a resident; offline. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  {
    name: '志愿者',
    user: 'demo-volunteer-zhao',
    elder: true,
    query: { communityId: 'jn-moling-moling' },
  },
  { name: '居民', user: 'demo-resident-chen', query: { communityId: 'jn-moling-moling' } },
  { name: '出错', user: 'demo-volunteer-zhao', cloud: 'offline' },
];
