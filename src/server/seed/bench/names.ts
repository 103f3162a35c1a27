// Vocabulary for the synthetic national dataset (`vinhdanh bench-data`): Vietnamese personal names
// with rough national frequencies, and the words that unit names are made of. Everything here is
// sent to PostgreSQL as array parameters; the rows themselves are generated in SQL.

/** [value, weight] pairs; weights are relative. */
export type Weighted = ReadonlyArray<readonly [string, number]>;

/** Family names, rough national frequencies (per cent). */
export const FAMILY: Weighted = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 3.2], ['Huỳnh', 2], ['Phan', 4.5], ['Vũ', 2.2],
  ['Võ', 1.8], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
  ['Đoàn', 0.6], ['Trương', 0.6], ['Đinh', 0.6], ['Lâm', 0.4], ['Mai', 0.4], ['Cao', 0.4], ['Hà', 0.4], ['Lương', 0.4],
  ['Tô', 0.3], ['Lưu', 0.3], ['Thái', 0.3], ['Tạ', 0.3], ['Triệu', 0.2], ['Kiều', 0.2], ['Quách', 0.2], ['Nông', 0.2],
  ['Lò', 0.1], ['Châu', 0.2], ['Phùng', 0.2], ['Vương', 0.2], ['Chu', 0.2], ['Khúc', 0.1], ['Mạc', 0.1], ['Tăng', 0.1],
];

/** Middle names, for people born before 1990 ("Văn" and "Thị" are halved for the younger ones). */
export const MALE_MIDDLE: Weighted = [
  ['Văn', 36], ['Đức', 6], ['Minh', 6], ['Hữu', 5], ['Quang', 5], ['Thanh', 4], ['Quốc', 4], ['Đình', 3], ['Xuân', 3],
  ['Ngọc', 3], ['Công', 3], ['Tuấn', 2], ['Hoàng', 2], ['Trung', 2], ['Mạnh', 2], ['Duy', 2], ['Anh', 2], ['Thế', 2],
  ['Tiến', 2], ['Trọng', 2], ['Tấn', 2], ['Gia', 2], ['Bá', 1], ['Nhật', 1], ['Khắc', 1], ['Việt', 1],
];
export const FEMALE_MIDDLE: Weighted = [
  ['Thị', 42], ['Ngọc', 8], ['Thu', 5], ['Thanh', 5], ['Kim', 4], ['Minh', 3], ['Thùy', 3], ['Hồng', 3], ['Phương', 3],
  ['Bích', 2], ['Mỹ', 2], ['Diệu', 2], ['Khánh', 2], ['Hải', 2], ['Mai', 2], ['Lan', 1], ['Quỳnh', 1], ['Hoài', 1],
  ['Bảo', 1], ['Cẩm', 1], ['Tuyết', 1], ['Như', 1], ['Yến', 1], ['Thảo', 1],
];
/** After "Thị", sometimes a second middle name: "Nguyễn Thị Ngọc Hân". */
export const FEMALE_SECOND_MIDDLE = ['Ngọc', 'Kim', 'Thanh', 'Thu', 'Mỹ', 'Bích', 'Hồng', 'Thùy', 'Cẩm', 'Minh', 'Phương'] as const;

export const MALE_GIVEN = [
  'An', 'Anh', 'Bình', 'Cường', 'Chiến', 'Công', 'Dũng', 'Duy', 'Dương', 'Đạt', 'Định', 'Đông', 'Đức', 'Giang', 'Hải',
  'Hào', 'Hậu', 'Hiếu', 'Hiệp', 'Hòa', 'Hoàng', 'Hùng', 'Hưng', 'Huy', 'Khang', 'Khánh', 'Khoa', 'Kiên', 'Lâm',
  'Linh', 'Lộc', 'Long', 'Luân', 'Mạnh', 'Minh', 'Nam', 'Nghĩa', 'Nhân', 'Phát', 'Phong', 'Phúc', 'Phương', 'Quang',
  'Quân', 'Quý', 'Sơn', 'Tài', 'Tâm', 'Tân', 'Thắng', 'Thành', 'Thiện', 'Thịnh', 'Thông', 'Tiến', 'Toàn', 'Trí',
  'Trung', 'Trường', 'Tú', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ',
] as const;
export const FEMALE_GIVEN = [
  'Anh', 'Ánh', 'Bích', 'Châu', 'Chi', 'Diễm', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hân', 'Hiền', 'Hoa',
  'Hồng', 'Huệ', 'Huyền', 'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Ly', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhi',
  'Nhung', 'Oanh', 'Phương', 'Phượng', 'Quyên', 'Quỳnh', 'Tâm', 'Thảo', 'Thắm', 'Thơ', 'Thủy', 'Thúy', 'Thư', 'Trang',
  'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến', 'Lệ', 'Trâm', 'Hậu', 'Nhàn',
] as const;

export const ETHNICITY: Weighted = [
  ['Kinh', 86], ['Tày', 2], ['Thái', 2], ['Mường', 1.6], ['Khmer', 1.5], ['Hoa', 1], ['Nùng', 1], ['Mông', 0.8],
  ['Dao', 0.6], ['Gia Rai', 0.4], ['Ê Đê', 0.3], ['Chăm', 0.2],
];

/** Commune-level place names used for district unions and host units. */
export const PLACES = [
  'An Phú', 'Bình Minh', 'Châu Thành', 'Đông Hòa', 'Gia Bình', 'Hòa Thành', 'Kim Sơn', 'Long Điền', 'Mỹ Hào',
  'Ninh Hải', 'Phú Lộc', 'Quế Võ', 'Tân Châu', 'Thạch Hà', 'Vĩnh Bảo', 'Yên Mỹ', 'Cẩm Giàng', 'Đức Hòa', 'Hải Hậu',
  'Krông Pắc', 'Lạc Dương', 'Mường Lay', 'Ngọc Lặc', 'Phước Long', 'Quỳnh Lưu', 'Sóc Sơn', 'Tam Nông', 'Thuận An',
  'Tiên Du', 'Trảng Bàng', 'Văn Lâm', 'Xuân Lộc', 'Bến Cát', 'Cái Bè', 'Diên Khánh', 'Đồng Xoài', 'Hiệp Hòa',
  'Hương Trà', 'Kỳ Anh', 'Lương Sơn', 'Mỹ Tho', 'Nghĩa Hành', 'Phổ Yên', 'Quảng Xương', 'Sa Pa', 'Tân Uyên',
  'Thanh Chương', 'Tịnh Biên', 'Tuy Phước', 'Vạn Ninh', 'Yên Dũng', 'Bảo Lộc', 'Chợ Mới', 'Đại Từ', 'Hòa Vang',
  'Kiến Xương', 'Lục Ngạn', 'Năm Căn', 'Phù Cát', 'Sơn Tịnh', 'Thống Nhất', 'Trà Ôn', 'Văn Giang', 'Vị Thanh',
] as const;

/** Host units of grassroots unions, by sector: `{p}` is a place, `{a}` / `{b}` are name parts. */
export const HOSTS = {
  TRUONG_HOC: ['Trường Mầm non {p}', 'Trường Tiểu học {p}', 'Trường THCS {p}', 'Trường THPT {p}', 'Trường Tiểu học và THCS {p}'],
  HCSN: ['Ủy ban nhân dân xã {p}', 'Trạm Y tế xã {p}', 'Trung tâm Y tế khu vực {p}', 'Bệnh viện Đa khoa {p}', 'Kho bạc Nhà nước khu vực {p}', 'Chi cục Thuế khu vực {p}', 'Ủy ban nhân dân phường {p}'],
  YTE: ['Bệnh viện Đa khoa khu vực {p}', 'Trung tâm Y tế {p}', 'Bệnh viện Y học cổ truyền {p}', 'Trạm Y tế phường {p}'],
  NGOAI_NN: ['Công ty TNHH {a} {b}', 'Công ty Cổ phần {b} {a}', 'Công ty TNHH MTV {b} {p}', 'Doanh nghiệp tư nhân {a} {p}'],
  FDI: ['Công ty TNHH {f} Việt Nam', 'Công ty TNHH {f} Vina', 'Công ty TNHH {f} {p}'],
  DNNN: ['Công ty Điện lực {p}', 'Bưu điện {p}', 'Chi nhánh Ngân hàng Nông nghiệp {p}', 'Công ty Cấp nước {p}', 'Công ty Lâm nghiệp {p}'],
  KHAC: ['Hợp tác xã Nông nghiệp {p}', 'Hợp tác xã Vận tải {p}', 'Nghiệp đoàn Nghề cá {p}'],
} as const;
export const COMPANY_A = ['Thành Công', 'Phát Đạt', 'Hưng Thịnh', 'Tân Tiến', 'Việt Hưng', 'Đại Phát', 'Minh Long', 'An Khang', 'Phú Quý', 'Hòa Bình', 'Thuận Phát', 'Sao Việt'] as const;
export const COMPANY_B = ['Xây dựng', 'Thương mại', 'May mặc', 'Cơ khí', 'Thực phẩm', 'Vận tải', 'Dệt may', 'Nhựa', 'Gỗ', 'Điện tử', 'Giày da', 'Bao bì'] as const;
export const FOREIGN = ['Hanil', 'Sungwoo', 'Taiyo Seiki', 'Everwin', 'Golden Tree', 'Fortune Textile', 'Jiaxin', 'Longwell', 'Pacific Footwear', 'Asia Garment', 'Dongjin', 'Kowon Electronics'] as const;

/** Expands weights into a table of `slots` 1-based indexes into the value list: a weighted pick in SQL is then one array lookup. */
export function weightedIndex(entries: Weighted, slots = 1000): { values: string[]; index: number[] } {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const index: number[] = [];
  let acc = 0;
  entries.forEach(([, w], i) => {
    acc += w;
    const upto = Math.round((acc / total) * slots);
    while (index.length < upto) index.push(i + 1);
  });
  return { values: entries.map(([v]) => v.normalize('NFC')), index };
}

/** Halves the weight of one value (younger people are less often given plain "Văn" / "Thị"). */
export function tilt(entries: Weighted, plain: string): Weighted {
  return entries.map(([v, w]) => [v, v === plain ? w / 2 : w] as const);
}
