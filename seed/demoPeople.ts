/**
 * The demo community's people. Each has a readable openid so anyone can call a function as them through the
 * gateway (README lists them). Birth years make the elders 80+ in 2026.
 */

/** A demo person. */
export interface DemoPerson {
  openid: string;
  nickname: string;
  realName?: string;
  birthYear?: number;
  communityId: string;
  phone?: string;
  address?: string;
  /** What they are in the demo, for the README. */
  note: string;
}

/** The district admin, made admin by the deploy-time setting MULIN_BOOTSTRAP_ADMINS (as production would). */
export const DISTRICT_ADMIN: DemoPerson = {
  openid: 'demo-admin-jiangning',
  nickname: '江宁区民政 周科长',
  realName: '周建华',
  communityId: 'jn-dongshan-baijiahu',
  note: '区管理员（部署配置任命的第一位管理员）',
};

/** Street admins (granted by the district admin). */
export const STREET_ADMINS: (DemoPerson & { streetId: string })[] = [
  {
    openid: 'demo-admin-lukou',
    nickname: '禄口街道 刘主任',
    realName: '刘芳',
    communityId: 'jn-lukou-lukou',
    streetId: 'jn-lukou',
    note: '禄口街道管理员',
  },
  {
    openid: 'demo-admin-dongshan',
    nickname: '东山街道 陈干事',
    realName: '陈静',
    communityId: 'jn-dongshan-dongshan',
    streetId: 'jn-dongshan',
    note: '东山街道管理员',
  },
  {
    openid: 'demo-admin-moling',
    nickname: '秣陵街道 吴书记',
    realName: '吴国强',
    communityId: 'jn-moling-moling',
    streetId: 'jn-moling',
    note: '秣陵街道管理员',
  },
];

/**
 * Provider staff of the two organizations, with the work number each organization gives them (what residents
 * call from "谁来上门"; their own `phone` stays private).
 */
export const STAFF: (DemoPerson & { org: 'xinyuan' | 'hongye'; workPhone: string })[] = [
  {
    openid: 'demo-staff-xinyuan-1',
    nickname: '心苑 社工小林',
    realName: '林晓燕',
    communityId: 'jn-lukou-xinqiao',
    org: 'xinyuan',
    phone: '13905170011',
    workPhone: '13905179011',
    note: '心苑社会工作服务中心 社工',
  },
  {
    openid: 'demo-staff-xinyuan-2',
    nickname: '心苑 护理员老何',
    realName: '何德胜',
    communityId: 'jn-lukou-lukou',
    org: 'xinyuan',
    phone: '13905170012',
    workPhone: '13905179012',
    note: '心苑社会工作服务中心 护理员',
  },
  {
    openid: 'demo-staff-hongye-1',
    nickname: '红叶 社工小宋',
    realName: '宋雨',
    communityId: 'jn-moling-moling',
    org: 'hongye',
    phone: '13905170021',
    workPhone: '13905179021',
    note: '南京红叶社会工作服务社 社工',
  },
];

/** Residents, two of them 80+. */
export const RESIDENTS: DemoPerson[] = [
  {
    openid: 'demo-resident-wang',
    nickname: '王奶奶',
    realName: '王秀英',
    birthYear: 1942,
    communityId: 'jn-lukou-lukou',
    phone: '13851700101',
    address: '江宁区禄口街道禄口社区花园路12号3栋201',
    note: '84 岁独居老人',
  },
  {
    openid: 'demo-resident-li',
    nickname: '李爷爷',
    realName: '李建国',
    birthYear: 1944,
    communityId: 'jn-moling-moling',
    phone: '13851700102',
    address: '江宁区秣陵街道秣陵社区秣周路8号1单元502',
    note: '82 岁，腿脚不便',
  },
  {
    openid: 'demo-resident-zhang',
    nickname: '张明',
    realName: '张明',
    birthYear: 1989,
    communityId: 'jn-lukou-lukou',
    phone: '13851700103',
    address: '江宁区禄口街道禄口社区花园路12号3栋302',
    note: '王奶奶的邻居，帮孙奶奶的家属',
  },
  {
    openid: 'demo-resident-chen',
    nickname: '陈芳',
    realName: '陈芳',
    birthYear: 1996,
    communityId: 'jn-dongshan-dongshan',
    phone: '13851700104',
    note: '年轻居民',
  },
  {
    openid: 'demo-volunteer-zhao',
    nickname: '赵磊',
    realName: '赵磊',
    birthYear: 1992,
    communityId: 'jn-moling-yinxiang',
    phone: '13851700105',
    note: '志愿者',
  },
];

/** An elder with no WeChat, registered by the 东山 admin and linked to 张明. */
export const PROXY_ELDER = {
  realName: '孙桂兰',
  birthYear: 1938,
  communityId: 'jn-dongshan-dongshan',
  address: '江宁区东山街道东山社区上元大街88号4栋101',
  note: '88 岁，无微信，由社区代登记',
};

/** The two social organizations. */
export const ORGS = {
  xinyuan: {
    name: '心苑社会工作服务中心',
    description: '专注居家养老与社区照护：助餐、助浴、助洁、助医、康复护理、心理慰藉。',
    services: ['助餐', '助浴', '助洁', '助医', '康复护理', '心理慰藉'],
    communityIds: [
      'jn-lukou-lukou',
      'jn-lukou-xinqiao',
      'jn-lukou-tongshan',
      'jn-lukou-shinian',
      'jn-lukou-lugang',
    ],
    scopeId: 'jn-lukou',
    admin: 'demo-admin-lukou',
  },
  hongye: {
    name: '南京红叶社会工作服务社',
    description: '社区营造与志愿服务：四点半课堂、邻里互助、助行陪诊、困境儿童关爱。',
    services: ['助行', '助医', '心理慰藉', '儿童关爱'],
    communityIds: ['jn-moling-moling', 'jn-moling-yinxiang', 'jn-moling-jiangjunshan', 'jn-moling-mozhou'],
    scopeId: 'jn-moling',
    admin: 'demo-admin-moling',
  },
} as const;
