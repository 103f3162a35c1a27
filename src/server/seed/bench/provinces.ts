// The 34 provincial-level units in force since 1 July 2025, with the CCCD place code of their
// main pre-merger province and a rough share of union members (per cent, used as a weight).

export interface Province {
  /** Organisation code prefix, three letters. */
  code: string;
  /** "Thành phố Hà Nội", "tỉnh Tuyên Quang". */
  name: string;
  /** First three digits of a CCCD issued there. */
  cccd: string;
  weight: number;
}

export const PROVINCES: readonly Province[] = [
  { code: 'HNI', name: 'Thành phố Hà Nội', cccd: '001', weight: 10 },
  { code: 'HUE', name: 'Thành phố Huế', cccd: '046', weight: 1.5 },
  { code: 'HPG', name: 'Thành phố Hải Phòng', cccd: '031', weight: 5 },
  { code: 'DNG', name: 'Thành phố Đà Nẵng', cccd: '048', weight: 2.5 },
  { code: 'HCM', name: 'Thành phố Hồ Chí Minh', cccd: '079', weight: 20 },
  { code: 'CTO', name: 'Thành phố Cần Thơ', cccd: '092', weight: 2.5 },
  { code: 'TQG', name: 'tỉnh Tuyên Quang', cccd: '008', weight: 1.2 },
  { code: 'CBG', name: 'tỉnh Cao Bằng', cccd: '004', weight: 0.5 },
  { code: 'LCU', name: 'tỉnh Lai Châu', cccd: '012', weight: 0.4 },
  { code: 'LCI', name: 'tỉnh Lào Cai', cccd: '010', weight: 1.2 },
  { code: 'TNN', name: 'tỉnh Thái Nguyên', cccd: '019', weight: 2.2 },
  { code: 'DBN', name: 'tỉnh Điện Biên', cccd: '011', weight: 0.5 },
  { code: 'LSN', name: 'tỉnh Lạng Sơn', cccd: '020', weight: 0.7 },
  { code: 'SLA', name: 'tỉnh Sơn La', cccd: '014', weight: 0.8 },
  { code: 'PTO', name: 'tỉnh Phú Thọ', cccd: '025', weight: 3 },
  { code: 'BNH', name: 'tỉnh Bắc Ninh', cccd: '027', weight: 6 },
  { code: 'QNH', name: 'tỉnh Quảng Ninh', cccd: '022', weight: 2 },
  { code: 'HYN', name: 'tỉnh Hưng Yên', cccd: '033', weight: 3.5 },
  { code: 'NBH', name: 'tỉnh Ninh Bình', cccd: '037', weight: 3.5 },
  { code: 'THA', name: 'tỉnh Thanh Hóa', cccd: '038', weight: 3.5 },
  { code: 'NAN', name: 'tỉnh Nghệ An', cccd: '040', weight: 2.8 },
  { code: 'HTH', name: 'tỉnh Hà Tĩnh', cccd: '042', weight: 1.2 },
  { code: 'QTR', name: 'tỉnh Quảng Trị', cccd: '045', weight: 1.2 },
  { code: 'QNG', name: 'tỉnh Quảng Ngãi', cccd: '051', weight: 1.6 },
  { code: 'GLI', name: 'tỉnh Gia Lai', cccd: '064', weight: 1.6 },
  { code: 'KHA', name: 'tỉnh Khánh Hòa', cccd: '056', weight: 1.6 },
  { code: 'LDG', name: 'tỉnh Lâm Đồng', cccd: '068', weight: 2 },
  { code: 'DLK', name: 'tỉnh Đắk Lắk', cccd: '066', weight: 1.6 },
  { code: 'DNI', name: 'tỉnh Đồng Nai', cccd: '075', weight: 6 },
  { code: 'TNI', name: 'tỉnh Tây Ninh', cccd: '072', weight: 3.5 },
  { code: 'VLG', name: 'tỉnh Vĩnh Long', cccd: '086', weight: 2 },
  { code: 'DTP', name: 'tỉnh Đồng Tháp', cccd: '087', weight: 1.8 },
  { code: 'CMU', name: 'tỉnh Cà Mau', cccd: '096', weight: 1 },
  { code: 'AGG', name: 'tỉnh An Giang', cccd: '089', weight: 2 },
];

/**
 * The district-level unions of every province: five district federations and three sectoral or
 * industrial-zone unions. `share` is the fraction of the province's grassroots unions under it,
 * `sectors` the weighted mix of their host units, `scale` how large they are on average.
 */
export interface DistrictSpec {
  suffix: string;
  kind: 'LDLD_HUYEN' | 'CD_NGANH_DP' | 'CD_KCN';
  /** `{p}` = a place name, `{t}` = the province name. */
  name: string;
  share: number;
  scale: number;
  sectors: ReadonlyArray<readonly [SectorKey, number]>;
}

export type SectorKey = 'TRUONG_HOC' | 'HCSN' | 'YTE' | 'NGOAI_NN' | 'FDI' | 'DNNN' | 'KHAC';

const HUYEN_MIX: DistrictSpec['sectors'] = [['TRUONG_HOC', 30], ['HCSN', 28], ['NGOAI_NN', 30], ['DNNN', 6], ['KHAC', 6]];

export const DISTRICTS: readonly DistrictSpec[] = [
  { suffix: 'H1', kind: 'LDLD_HUYEN', name: 'Liên đoàn Lao động huyện {p}', share: 12, scale: 1, sectors: HUYEN_MIX },
  { suffix: 'H2', kind: 'LDLD_HUYEN', name: 'Liên đoàn Lao động huyện {p}', share: 12, scale: 1, sectors: HUYEN_MIX },
  { suffix: 'H3', kind: 'LDLD_HUYEN', name: 'Liên đoàn Lao động thị xã {p}', share: 12, scale: 1, sectors: HUYEN_MIX },
  { suffix: 'H4', kind: 'LDLD_HUYEN', name: 'Liên đoàn Lao động quận {p}', share: 12, scale: 1, sectors: HUYEN_MIX },
  { suffix: 'H5', kind: 'LDLD_HUYEN', name: 'Liên đoàn Lao động thành phố {p}', share: 12, scale: 1.2, sectors: HUYEN_MIX },
  { suffix: 'GD', kind: 'CD_NGANH_DP', name: 'Công đoàn ngành Giáo dục {t}', share: 18, scale: 0.8, sectors: [['TRUONG_HOC', 1]] },
  { suffix: 'YT', kind: 'CD_NGANH_DP', name: 'Công đoàn ngành Y tế {t}', share: 6, scale: 2, sectors: [['YTE', 1]] },
  { suffix: 'KCN', kind: 'CD_KCN', name: 'Công đoàn các Khu công nghiệp {t}', share: 16, scale: 4, sectors: [['FDI', 70], ['NGOAI_NN', 30]] },
];

/** Per host sector: database sector code, share of women, share of direct workers, usual positions. */
export const SECTOR_PROFILE: Record<SectorKey, { sector: string; female: number; direct: number; position: string; leaderPosition: string }> = {
  TRUONG_HOC: { sector: 'TRUONG_HOC', female: 0.75, direct: 0.05, position: 'Giáo viên', leaderPosition: 'Tổ trưởng chuyên môn' },
  HCSN: { sector: 'HCSN', female: 0.5, direct: 0.02, position: 'Chuyên viên', leaderPosition: 'Trưởng phòng' },
  YTE: { sector: 'HCSN', female: 0.65, direct: 0.1, position: 'Điều dưỡng', leaderPosition: 'Trưởng khoa' },
  NGOAI_NN: { sector: 'NGOAI_NN', female: 0.45, direct: 0.65, position: 'Công nhân', leaderPosition: 'Quản đốc' },
  FDI: { sector: 'FDI', female: 0.68, direct: 0.85, position: 'Công nhân', leaderPosition: 'Trưởng chuyền' },
  DNNN: { sector: 'DNNN', female: 0.35, direct: 0.5, position: 'Nhân viên', leaderPosition: 'Trưởng phòng' },
  KHAC: { sector: 'KHAC', female: 0.4, direct: 0.6, position: 'Xã viên', leaderPosition: 'Chủ nhiệm' },
};
