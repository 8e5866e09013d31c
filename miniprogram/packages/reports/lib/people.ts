/** People found by an admin's search (account.searchUsers), as the appointment page lists them. */

/** A found person: the name to show and a line to tell namesakes apart (age, community, masked phone). */
export interface FoundPerson {
  id: string;
  name: string;
  line: string;
}

interface Listed {
  id: string;
  nickname: string;
  realNameMasked?: string;
  phoneMasked?: string;
  age?: number;
  communityName?: string;
  kind: 'wechat' | 'proxy';
}

/** Only people with their own WeChat can take a role (one registered for an elder by an admin cannot). */
export function foundPeople(items: readonly Listed[]): FoundPerson[] {
  return items
    .filter((u) => u.kind === 'wechat')
    .map((u) => ({
      id: u.id,
      name: u.realNameMasked ? `${u.nickname}（${u.realNameMasked}）` : u.nickname,
      line: [u.communityName ?? '', u.age ? `${u.age} 岁` : '', u.phoneMasked ?? '']
        .filter(Boolean)
        .join(' · '),
    }));
}
