// The shape of the demo organisation tree: federations, their grassroots unions (CĐCS) and the
// sections (công đoàn bộ phận, tổ công đoàn) of the larger ones. Only structure and sizes live
// here; people are generated from it in ../demo-world.ts.

import type { OfficerTitle, Sector } from '../../../contracts/enums';
import * as R from './roles';
import { h, type HeadSpec, type RoleSpec } from './roles';

export type DemoUsername = 'cdcs.truong' | 'cdcs.fdi';

/** A công đoàn bộ phận or tổ công đoàn. Leaves carry members; branches only group leaves. */
export interface SectionSpec {
  readonly name: string;
  readonly kind: 'CD_BO_PHAN' | 'TO_CD';
  /** Members of a leaf, heads included. */
  readonly size?: number;
  /** Leaders of this section itself (e.g. the workshop manager). */
  readonly heads?: readonly HeadSpec[];
  /** Position pool overriding the grassroots union's pool. */
  readonly pool?: readonly RoleSpec[];
  readonly children?: readonly SectionSpec[];
  /** The leaf that holds the host unit's heads (director, principal…). Defaults to the first leaf. */
  readonly office?: boolean;
}

export interface CdcsSpec {
  /** Host unit, without the "Công đoàn cơ sở" prefix. */
  readonly host: string;
  readonly shortName: string;
  readonly sector: Sector;
  /** Commune-level place, e.g. "xã Phước Minh"; the district/province suffix is added. */
  readonly place: string;
  readonly founded: number;
  readonly female: number;
  readonly born: readonly [number, number];
  /** Heads of the host unit (director, principal, commune chairman…). */
  readonly heads: readonly HeadSpec[];
  readonly pool: readonly RoleSpec[];
  /** Members when there are no sections. */
  readonly size?: number;
  readonly sections?: readonly SectionSpec[];
  /** Its union chairman sits on the federation's executive committee (BCH). */
  readonly inFederationBch?: boolean;
  /** Demo login linked to its union chairman. */
  readonly demoUser?: DemoUsername;
  /** Place the one and only "Nguyễn Văn An" here. */
  readonly nguyenVanAn?: boolean;
}

export type StaffKey = 'DMC_TDKT' | 'DMC_VICE' | 'TNI_TDKT';

export interface StaffSpec {
  readonly position: string;
  readonly title: OfficerTitle | null;
  readonly leader: boolean;
  readonly key?: StaffKey;
}

export interface FederationSpec {
  readonly code: string;
  readonly kind: 'TLD' | 'LDLD_TINH' | 'LDLD_HUYEN' | 'CD_NGANH_DP';
  readonly name: string;
  readonly shortName: string;
  readonly address: string;
  readonly validFrom: string;
  /** Date of the congress (đại hội) that elected the current committee. */
  readonly congress: string | null;
  /** Suffix appended to a CĐCS place to form its address. */
  readonly area: string;
  readonly staff: readonly StaffSpec[];
  readonly cdcs: readonly CdcsSpec[];
  readonly children: readonly FederationSpec[];
}

// ---------------------------------------------------------------------------------------------
// Builders for recurring kinds of units.

const SCHOOL_BORN: readonly [number, number] = [1968, 2001];

function schoolHeads(size: number): HeadSpec[] {
  return [h('Hiệu trưởng'), h('Phó Hiệu trưởng', size >= 40 ? 2 : 1)];
}

function school(level: 'THCS' | 'TH' | 'MN' | 'THPT', host: string, place: string, founded: number, size: number, extra: Partial<CdcsSpec> = {}): CdcsSpec {
  return {
    host,
    shortName: host.replace(/^Trường /, ''),
    sector: 'TRUONG_HOC',
    place,
    founded,
    female: level === 'MN' ? 0.97 : level === 'TH' ? 0.82 : level === 'THCS' ? 0.72 : 0.62,
    born: SCHOOL_BORN,
    heads: schoolHeads(size),
    pool: level === 'MN' ? R.KINDERGARTEN_STAFF : R.SCHOOL_STAFF,
    size,
    ...extra,
  };
}

/** A school organised in subject groups (tổ chuyên môn), each one a tổ công đoàn. */
function schoolGroups(groups: ReadonlyArray<readonly [string, number]>, officeSize: number): SectionSpec[] {
  return [
    ...groups.map(([name, size]): SectionSpec => ({ name: `Tổ công đoàn ${name}`, kind: 'TO_CD', size, pool: R.TEACHERS_ONLY })),
    { name: 'Tổ công đoàn Văn phòng', kind: 'TO_CD', size: officeSize, pool: R.SCHOOL_OFFICE, office: true },
  ];
}

function commune(place: string, size: number, extra: Partial<CdcsSpec> = {}): CdcsSpec {
  const unit = place.startsWith('thị trấn') ? 'thị trấn' : 'xã';
  return {
    host: `Ủy ban nhân dân ${place}`,
    shortName: `UBND ${place}`,
    sector: 'HCSN',
    place,
    founded: 1989,
    female: 0.45,
    born: [1968, 1998],
    heads: [h(`Chủ tịch UBND ${unit}`, 1, { female: 0.2 }), h(`Phó Chủ tịch UBND ${unit}`, 2, { female: 0.35 })],
    pool: R.COMMUNE_STAFF,
    size,
    ...extra,
  };
}

const FDI_HEADS = [h('Giám đốc nhân sự', 1, { female: 0.45 }), h('Phó Giám đốc sản xuất', 1, { female: 0.3 })];
const COMPANY_HEADS = [h('Giám đốc', 1, { female: 0.25 }), h('Phó Giám đốc', 1, { female: 0.35 })];
const KCN_CHA_LA = 'Khu công nghiệp Chà Là, xã Chà Là';
const FACTORY_BORN: readonly [number, number] = [1976, 2004];

const officeSection = (name: string, size: number, pool: readonly RoleSpec[] = R.FDI_OFFICE): SectionSpec => ({
  name: `Công đoàn bộ phận ${name}`,
  kind: 'CD_BO_PHAN',
  size,
  pool,
  office: true,
});
const workshop = (name: string, size: number, pool: readonly RoleSpec[]): SectionSpec => ({
  name: `Công đoàn bộ phận ${name}`,
  kind: 'CD_BO_PHAN',
  size,
  pool,
  heads: [h('Quản đốc xưởng', 1, { female: 0.35 })],
});

// ---------------------------------------------------------------------------------------------
// Liên đoàn Lao động huyện DMC: 40 grassroots unions.

const DMC_CDCS: readonly CdcsSpec[] = [
  // --- public administration and services (HCSN) ---
  {
    host: 'Cơ quan Ủy ban nhân dân huyện DMC',
    shortName: 'Cơ quan UBND huyện',
    sector: 'HCSN',
    place: 'thị trấn Dương Minh Châu',
    founded: 1985,
    female: 0.5,
    born: [1968, 1998],
    heads: [h('Chánh Văn phòng HĐND và UBND huyện', 1, { female: 0.3 }), h('Trưởng phòng', 3), h('Phó Trưởng phòng', 4)],
    pool: R.OFFICE_STAFF,
    size: 68,
    inFederationBch: true,
  },
  {
    host: 'Cơ quan Huyện ủy DMC',
    shortName: 'Cơ quan Huyện ủy',
    sector: 'HCSN',
    place: 'thị trấn Dương Minh Châu',
    founded: 1985,
    female: 0.45,
    born: [1968, 1996],
    heads: [h('Chánh Văn phòng Huyện ủy'), h('Trưởng ban'), h('Phó Trưởng ban')],
    pool: R.OFFICE_STAFF,
    size: 34,
  },
  {
    host: 'Trung tâm Y tế huyện DMC',
    shortName: 'TTYT huyện DMC',
    sector: 'HCSN',
    place: 'thị trấn Dương Minh Châu',
    founded: 1987,
    female: 0.65,
    born: [1968, 1999],
    heads: [h('Giám đốc Trung tâm Y tế', 1, { female: 0.3 }), h('Phó Giám đốc Trung tâm Y tế', 2, { female: 0.5 })],
    pool: R.HEALTH_CLINICAL,
    inFederationBch: true,
    sections: [
      { name: 'Công đoàn bộ phận Khối Hành chính', kind: 'CD_BO_PHAN', size: 26, pool: R.HEALTH_ADMIN, office: true },
      { name: 'Công đoàn bộ phận Khối Lâm sàng', kind: 'CD_BO_PHAN', size: 72, pool: R.HEALTH_CLINICAL, heads: [h('Trưởng khoa', 3, { female: 0.4 })] },
      { name: 'Công đoàn bộ phận Khối Cận lâm sàng', kind: 'CD_BO_PHAN', size: 30, pool: R.HEALTH_PARACLINICAL, heads: [h('Trưởng khoa', 2, { female: 0.5 })] },
      {
        name: 'Công đoàn bộ phận Khối Y tế dự phòng và Trạm Y tế',
        kind: 'CD_BO_PHAN',
        size: 48,
        pool: R.HEALTH_PREVENTIVE,
        heads: [h('Trưởng khoa Kiểm soát bệnh tật', 1, { female: 0.5 })],
      },
    ],
  },
  {
    host: 'Phòng Giáo dục và Đào tạo huyện DMC',
    shortName: 'Phòng GD&ĐT huyện',
    sector: 'HCSN',
    place: 'thị trấn Dương Minh Châu',
    founded: 1986,
    female: 0.55,
    born: [1968, 1994],
    heads: [h('Trưởng phòng', 1, { female: 0.4 }), h('Phó Trưởng phòng', 2)],
    pool: R.EDU_OFFICE_STAFF,
    size: 18,
  },
  {
    host: 'Trung tâm Văn hóa, Thể thao và Truyền thanh huyện DMC',
    shortName: 'TT VH-TT và TT huyện',
    sector: 'HCSN',
    place: 'thị trấn Dương Minh Châu',
    founded: 1995,
    female: 0.45,
    born: [1970, 2000],
    heads: [h('Giám đốc Trung tâm', 1, { female: 0.3 }), h('Phó Giám đốc Trung tâm')],
    pool: R.CULTURE_STAFF,
    size: 24,
  },
  commune('thị trấn Dương Minh Châu', 36),
  commune('xã Phước Minh', 30, { nguyenVanAn: true }),
  commune('xã Phước Ninh', 28),
  commune('xã Chà Là', 32),
  commune('xã Truông Mít', 30),
  commune('xã Bàu Năng', 27),
  commune('xã Suối Đá', 31),

  // --- schools (TRUONG_HOC) ---
  school('THCS', 'Trường THCS thị trấn Dương Minh Châu', 'thị trấn Dương Minh Châu', 1986, 58, {
    shortName: 'THCS thị trấn DMC',
    demoUser: 'cdcs.truong',
    inFederationBch: true,
    sections: schoolGroups(
      [
        ['Tổ Toán – Tin', 14],
        ['Tổ Ngữ văn', 12],
        ['Tổ Khoa học tự nhiên', 12],
        ['Tổ Khoa học xã hội – Ngoại ngữ', 11],
      ],
      9,
    ),
  }),
  school('THCS', 'Trường THCS Phước Minh', 'xã Phước Minh', 1992, 36),
  school('THCS', 'Trường THCS Chà Là', 'xã Chà Là', 1990, 42, {
    sections: schoolGroups(
      [
        ['Tổ Toán – Tin', 11],
        ['Tổ Ngữ văn – Ngoại ngữ', 12],
        ['Tổ Khoa học tự nhiên', 10],
      ],
      9,
    ),
  }),
  school('THCS', 'Trường THCS Truông Mít', 'xã Truông Mít', 1994, 38),
  school('TH', 'Trường Tiểu học Lộc Ninh', 'xã Lộc Ninh', 1988, 30),
  school('TH', 'Trường Tiểu học Bàu Năng A', 'xã Bàu Năng', 1988, 34),
  school('TH', 'Trường Tiểu học Phan', 'xã Phan', 1989, 28),
  school('TH', 'Trường Tiểu học Cầu Khởi', 'xã Cầu Khởi', 1990, 31),
  school('TH', 'Trường Tiểu học Suối Đá A', 'xã Suối Đá', 1987, 45, {
    sections: schoolGroups(
      [
        ['Tổ Khối 1 – 2', 14],
        ['Tổ Khối 3', 10],
        ['Tổ Khối 4 – 5', 13],
      ],
      8,
    ),
  }),
  school('MN', 'Trường Mầm non Hoa Sen', 'thị trấn Dương Minh Châu', 1997, 32),
  school('MN', 'Trường Mầm non Bến Củi', 'xã Bến Củi', 2003, 26),
  school('MN', 'Trường Mầm non Phước Ninh', 'xã Phước Ninh', 2001, 24),

  // --- state-owned enterprises (DNNN) ---
  {
    host: 'Công ty TNHH MTV Cao su Suối Đá',
    shortName: 'Cao su Suối Đá',
    sector: 'DNNN',
    place: 'xã Suối Đá',
    founded: 1993,
    female: 0.45,
    born: [1968, 2002],
    heads: [h('Giám đốc', 1, { female: 0.1 }), h('Phó Giám đốc', 2, { female: 0.2 })],
    pool: R.RUBBER_TAPPERS,
    inFederationBch: true,
    sections: [
      officeSection('Văn phòng Công ty', 26, R.COMPANY_OFFICE),
      {
        name: 'Công đoàn bộ phận Nông trường Suối Đá 1',
        kind: 'CD_BO_PHAN',
        children: [
          { name: 'Tổ công đoàn Đội cạo mủ số 1', kind: 'TO_CD', size: 40, heads: [h('Giám đốc Nông trường', 1, { female: 0.1 })] },
          { name: 'Tổ công đoàn Đội cạo mủ số 2', kind: 'TO_CD', size: 38, heads: [h('Phó Giám đốc Nông trường', 1, { female: 0.2 })] },
        ],
      },
      {
        name: 'Công đoàn bộ phận Nông trường Suối Đá 2',
        kind: 'CD_BO_PHAN',
        size: 72,
        heads: [h('Giám đốc Nông trường', 1, { female: 0.1 }), h('Phó Giám đốc Nông trường', 1, { female: 0.2 })],
      },
      workshop('Xưởng Chế biến mủ', 60, R.RUBBER_FACTORY),
    ],
  },
  {
    host: 'Điện lực DMC',
    shortName: 'Điện lực DMC',
    sector: 'DNNN',
    place: 'thị trấn Dương Minh Châu',
    founded: 1996,
    female: 0.25,
    born: [1968, 2000],
    heads: [h('Giám đốc Điện lực', 1, { female: 0.05 }), h('Phó Giám đốc Điện lực', 2, { female: 0.15 })],
    pool: R.POWER_STAFF,
    size: 46,
  },
  {
    host: 'Công ty TNHH MTV Khai thác thủy lợi Tây Ninh – Chi nhánh DMC',
    shortName: 'Thủy lợi Chi nhánh DMC',
    sector: 'DNNN',
    place: 'xã Phước Minh',
    founded: 1998,
    female: 0.25,
    born: [1968, 2000],
    heads: [h('Giám đốc Chi nhánh', 1, { female: 0.1 }), h('Phó Giám đốc Chi nhánh', 1, { female: 0.2 })],
    pool: R.IRRIGATION_STAFF,
    size: 34,
  },

  // --- domestic private companies (NGOAI_NN) and a co-operative (KHAC) ---
  {
    host: 'Công ty Cổ phần Tinh bột mì Truông Mít',
    shortName: 'Tinh bột mì Truông Mít',
    sector: 'NGOAI_NN',
    place: 'xã Truông Mít',
    founded: 2006,
    female: 0.35,
    born: [1970, 2003],
    heads: COMPANY_HEADS,
    pool: R.AGRO_STAFF,
    size: 84,
  },
  {
    host: 'Công ty TNHH Chế biến Nông sản Phước Ninh',
    shortName: 'Nông sản Phước Ninh',
    sector: 'NGOAI_NN',
    place: 'xã Phước Ninh',
    founded: 2009,
    female: 0.4,
    born: [1972, 2003],
    heads: COMPANY_HEADS,
    pool: R.AGRO_STAFF,
    size: 58,
  },
  {
    host: 'Công ty TNHH Gạch Tuynel Cầu Khởi',
    shortName: 'Gạch Tuynel Cầu Khởi',
    sector: 'NGOAI_NN',
    place: 'xã Cầu Khởi',
    founded: 2004,
    female: 0.3,
    born: [1970, 2002],
    heads: COMPANY_HEADS,
    pool: R.BRICK_STAFF,
    size: 38,
  },
  {
    host: 'Công ty TNHH May mặc Thành Đạt',
    shortName: 'May mặc Thành Đạt',
    sector: 'NGOAI_NN',
    place: 'xã Bàu Năng',
    founded: 2011,
    female: 0.82,
    born: FACTORY_BORN,
    heads: COMPANY_HEADS,
    pool: R.GARMENT_MIXED,
    size: 92,
  },
  {
    host: 'Công ty TNHH Cơ khí Lộc Ninh',
    shortName: 'Cơ khí Lộc Ninh',
    sector: 'NGOAI_NN',
    place: 'xã Lộc Ninh',
    founded: 2012,
    female: 0.15,
    born: [1972, 2003],
    heads: COMPANY_HEADS,
    pool: R.MECHANICAL_STAFF,
    size: 24,
  },
  {
    host: 'Công ty TNHH Thương mại Dịch vụ Bàu Năng',
    shortName: 'TMDV Bàu Năng',
    sector: 'NGOAI_NN',
    place: 'xã Bàu Năng',
    founded: 2014,
    female: 0.55,
    born: [1975, 2003],
    heads: [h('Giám đốc', 1, { female: 0.4 })],
    pool: R.TRADE_STAFF,
    size: 18,
  },
  {
    host: 'Hợp tác xã Nông nghiệp Dịch vụ Phước Minh',
    shortName: 'HTX NN-DV Phước Minh',
    sector: 'KHAC',
    place: 'xã Phước Minh',
    founded: 2016,
    female: 0.4,
    born: [1968, 2000],
    heads: [h('Giám đốc Hợp tác xã', 1, { female: 0.2 }), h('Phó Giám đốc Hợp tác xã', 1, { female: 0.3 })],
    pool: R.COOP_STAFF,
    size: 16,
  },

  // --- foreign-invested factories (FDI) in the Chà Là industrial park ---
  {
    host: 'Công ty TNHH Kwang Lim Apparel Việt Nam',
    shortName: 'Kwang Lim Apparel',
    sector: 'FDI',
    place: KCN_CHA_LA,
    founded: 2012,
    female: 0.82,
    born: FACTORY_BORN,
    heads: FDI_HEADS,
    pool: R.SEWING,
    demoUser: 'cdcs.fdi',
    inFederationBch: true,
    sections: [
      officeSection('Khối Văn phòng', 28),
      {
        name: 'Công đoàn bộ phận Xưởng may 1',
        kind: 'CD_BO_PHAN',
        children: [
          { name: 'Tổ công đoàn Chuyền 1', kind: 'TO_CD', size: 42, heads: [h('Quản đốc xưởng', 1, { female: 0.5 })] },
          { name: 'Tổ công đoàn Chuyền 2', kind: 'TO_CD', size: 40 },
          { name: 'Tổ công đoàn Chuyền 3', kind: 'TO_CD', size: 44 },
        ],
      },
      workshop('Xưởng may 2', 104, R.SEWING),
      workshop('Xưởng cắt', 46, R.CUTTING),
      workshop('Xưởng hoàn thành', 44, R.FINISHING),
    ],
  },
  {
    host: 'Công ty TNHH Giày Everstep Việt Nam',
    shortName: 'Giày Everstep',
    sector: 'FDI',
    place: KCN_CHA_LA,
    founded: 2014,
    female: 0.75,
    born: FACTORY_BORN,
    heads: FDI_HEADS,
    pool: R.SHOE_UPPER,
    sections: [
      officeSection('Khối Văn phòng', 24),
      workshop('Xưởng may mũ giày', 110, R.SHOE_UPPER),
      workshop('Xưởng gò', 96, R.SHOE_LASTING),
      workshop('Xưởng đế', 82, R.SHOE_SOLE),
    ],
  },
  {
    host: 'Công ty TNHH Dệt Jinhua Việt Nam',
    shortName: 'Dệt Jinhua',
    sector: 'FDI',
    place: KCN_CHA_LA,
    founded: 2016,
    female: 0.6,
    born: FACTORY_BORN,
    heads: FDI_HEADS,
    pool: R.WEAVING,
    sections: [officeSection('Văn phòng – Kho vận', 30, R.WAREHOUSE), workshop('Xưởng sợi', 104, R.SPINNING), workshop('Xưởng dệt', 102, R.WEAVING)],
  },
  {
    host: 'Công ty TNHH Lốp xe Sunway Việt Nam',
    shortName: 'Lốp xe Sunway',
    sector: 'FDI',
    place: KCN_CHA_LA,
    founded: 2017,
    female: 0.2,
    born: FACTORY_BORN,
    heads: FDI_HEADS,
    pool: R.TYRE_MIXING,
    sections: [officeSection('Khối Văn phòng', 20), workshop('Xưởng luyện – cán', 82, R.TYRE_MIXING), workshop('Xưởng lưu hóa', 86, R.TYRE_CURING)],
  },
  {
    host: 'Công ty TNHH Daiichi Denshi Việt Nam',
    shortName: 'Daiichi Denshi',
    sector: 'FDI',
    place: KCN_CHA_LA,
    founded: 2018,
    female: 0.7,
    born: [1982, 2004],
    heads: FDI_HEADS,
    pool: R.ELECTRONICS,
    size: 164,
  },
  {
    host: 'Công ty TNHH Golden Bag Việt Nam',
    shortName: 'Golden Bag',
    sector: 'FDI',
    place: KCN_CHA_LA,
    founded: 2019,
    female: 0.8,
    born: FACTORY_BORN,
    heads: FDI_HEADS,
    pool: R.BAG_SEWING,
    size: 152,
  },
];

// ---------------------------------------------------------------------------------------------
// The whole tree.

const CHAIR_AND_VICE: readonly StaffSpec[] = [
  { position: 'Chủ tịch', title: 'CHU_TICH', leader: true },
  { position: 'Phó Chủ tịch', title: 'PHO_CHU_TICH', leader: true },
];

export const DEMO_TREE: FederationSpec = {
  code: 'TLD',
  kind: 'TLD',
  name: 'Tổng Liên đoàn Lao động Việt Nam',
  shortName: 'Tổng LĐLĐVN',
  address: '82 Trần Hưng Đạo, phường Trần Hưng Đạo, quận Hoàn Kiếm, thành phố Hà Nội',
  validFrom: '1929-07-28',
  congress: null,
  area: 'Việt Nam',
  staff: [],
  cdcs: [],
  children: [
    {
      code: 'TNI',
      kind: 'LDLD_TINH',
      name: 'Liên đoàn Lao động tỉnh Tây Ninh',
      shortName: 'LĐLĐ tỉnh Tây Ninh',
      address: 'phường 3, thành phố Tây Ninh, tỉnh Tây Ninh',
      validFrom: '1976-03-01',
      congress: '2023-08-17',
      area: 'tỉnh Tây Ninh',
      staff: [
        { position: 'Chủ tịch', title: 'CHU_TICH', leader: true },
        { position: 'Phó Chủ tịch', title: 'PHO_CHU_TICH', leader: true },
        { position: 'Phó Chủ tịch', title: 'PHO_CHU_TICH', leader: true },
        { position: 'Ủy viên Ban Thường vụ, Trưởng ban Tổ chức', title: 'UY_VIEN_BTV', leader: true },
        { position: 'Chuyên viên Văn phòng – phụ trách thi đua, khen thưởng', title: null, leader: false, key: 'TNI_TDKT' },
        { position: 'Chuyên viên Ban Chính sách – Pháp luật', title: null, leader: false },
      ],
      cdcs: [],
      children: [
        {
          code: 'TNI-DMC',
          kind: 'LDLD_HUYEN',
          name: 'Liên đoàn Lao động huyện DMC',
          shortName: 'LĐLĐ huyện DMC',
          address: 'khu phố 1, thị trấn Dương Minh Châu, huyện DMC, tỉnh Tây Ninh',
          validFrom: '1981-05-01',
          congress: '2023-06-08',
          area: 'huyện DMC, tỉnh Tây Ninh',
          staff: [
            { position: 'Chủ tịch', title: 'CHU_TICH', leader: true },
            { position: 'Phó Chủ tịch', title: 'PHO_CHU_TICH', leader: true, key: 'DMC_VICE' },
            { position: 'Phó Chủ tịch', title: 'PHO_CHU_TICH', leader: true },
            { position: 'Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra', title: 'UY_VIEN_BTV', leader: true },
            { position: 'Cán bộ Tổ chức – Thi đua khen thưởng', title: 'UY_VIEN_BCH', leader: false, key: 'DMC_TDKT' },
            { position: 'Cán bộ Tuyên giáo – Nữ công', title: 'UY_VIEN_BCH', leader: false },
            { position: 'Cán bộ Chính sách – Pháp luật', title: null, leader: false },
            { position: 'Kế toán', title: null, leader: false },
          ],
          cdcs: DMC_CDCS,
          children: [],
        },
        {
          code: 'TNI-GDA',
          kind: 'LDLD_HUYEN',
          name: 'Liên đoàn Lao động huyện Gò Dầu',
          shortName: 'LĐLĐ huyện Gò Dầu',
          address: 'thị trấn Gò Dầu, huyện Gò Dầu, tỉnh Tây Ninh',
          validFrom: '1979-09-01',
          congress: '2023-06-15',
          area: 'huyện Gò Dầu, tỉnh Tây Ninh',
          staff: CHAIR_AND_VICE,
          cdcs: [
            {
              host: 'Công ty TNHH Dệt may Yuan Feng Việt Nam',
              shortName: 'Yuan Feng',
              sector: 'FDI',
              place: 'Khu công nghiệp Phước Đông, xã Phước Đông',
              founded: 2015,
              female: 0.8,
              born: FACTORY_BORN,
              heads: FDI_HEADS,
              pool: R.GARMENT_MIXED,
              size: 36,
            },
            school('THCS', 'Trường THCS Thanh Phước', 'xã Thanh Phước', 1991, 22),
            commune('xã Phước Đông', 18),
          ],
          children: [],
        },
        {
          code: 'TNI-HTH',
          kind: 'LDLD_HUYEN',
          name: 'Liên đoàn Lao động thị xã Hòa Thành',
          shortName: 'LĐLĐ thị xã Hòa Thành',
          address: 'phường Long Hoa, thị xã Hòa Thành, tỉnh Tây Ninh',
          validFrom: '1979-09-01',
          congress: '2023-06-13',
          area: 'thị xã Hòa Thành, tỉnh Tây Ninh',
          staff: CHAIR_AND_VICE,
          cdcs: [
            school('TH', 'Trường Tiểu học Long Thành Trung', 'xã Long Thành Trung', 1990, 20),
            {
              host: 'Công ty TNHH Thực phẩm Hiệp Tân',
              shortName: 'Thực phẩm Hiệp Tân',
              sector: 'NGOAI_NN',
              place: 'xã Hiệp Tân',
              founded: 2010,
              female: 0.6,
              born: [1972, 2003],
              heads: COMPANY_HEADS,
              pool: R.AGRO_STAFF,
              size: 16,
            },
          ],
          children: [],
        },
        {
          code: 'TNI-CDGD',
          kind: 'CD_NGANH_DP',
          name: 'Công đoàn Giáo dục tỉnh Tây Ninh',
          shortName: 'CĐ Giáo dục tỉnh',
          address: 'phường 2, thành phố Tây Ninh, tỉnh Tây Ninh',
          validFrom: '1980-11-20',
          congress: '2023-06-20',
          area: 'tỉnh Tây Ninh',
          staff: CHAIR_AND_VICE,
          cdcs: [
            school('THPT', 'Trường THPT Dương Minh Châu', 'thị trấn Dương Minh Châu, huyện DMC', 1985, 22),
            school('THPT', 'Trường THPT Lê Quý Đôn', 'phường 3, thành phố Tây Ninh', 1981, 20),
          ],
          children: [],
        },
      ],
    },
  ],
};
