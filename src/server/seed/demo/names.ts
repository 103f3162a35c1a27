// Vietnamese personal names for the demo world. Weights are rough national frequencies, tilted
// towards the South (Huỳnh and Võ are more common than Hoàng and Vũ in Tây Ninh).

import type { Gender } from '../../../contracts/enums';
import { weightedTable, type Rng } from './prng';

export type Ethnicity = 'Kinh' | 'Khmer' | 'Hoa' | 'Chăm';

export const ETHNICITIES = weightedTable<Ethnicity>([
  ['Kinh', 95.8],
  ['Khmer', 2.4],
  ['Hoa', 1.3],
  ['Chăm', 0.5],
]);

const KINH_FAMILY = weightedTable<string>([
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 6.5],
  ['Huỳnh', 4.5],
  ['Phan', 4.5],
  ['Võ', 4],
  ['Hoàng', 2.5],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Vũ', 1.5],
  ['Đỗ', 1.5],
  ['Hồ', 1.5],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Trương', 0.8],
  ['Lý', 0.6],
  ['Đoàn', 0.6],
  ['Lâm', 0.5],
  ['Mai', 0.5],
  ['Đinh', 0.5],
  ['Cao', 0.4],
  ['Châu', 0.4],
  ['Hà', 0.4],
  ['Lương', 0.4],
  ['Tô', 0.3],
  ['Lưu', 0.3],
  ['Thái', 0.3],
  ['Tạ', 0.3],
  ['Triệu', 0.2],
  ['Kiều', 0.2],
  ['Quách', 0.2],
  ['La', 0.2],
]);

const KHMER_FAMILY = weightedTable<string>([
  ['Thạch', 4],
  ['Danh', 3],
  ['Sơn', 2],
  ['Chau', 2],
  ['Kim', 1],
  ['Lâm', 1],
]);
const HOA_FAMILY = weightedTable<string>([
  ['Lý', 3],
  ['Lâm', 2],
  ['Quách', 2],
  ['Trương', 2],
  ['Hứa', 1],
  ['Tăng', 1],
  ['Mạc', 1],
  ['Diệp', 1],
]);
const CHAM_FAMILY = weightedTable<string>([
  ['Đàng', 2],
  ['Thuận', 1],
  ['Lưu', 1],
  ['Quảng', 1],
  ['Bá', 1],
  ['Hán', 1],
]);

const MALE_MIDDLE_ENTRIES: Array<[string, number]> = [
  ['Văn', 40],
  ['Minh', 8],
  ['Hữu', 6],
  ['Thanh', 6],
  ['Đức', 5],
  ['Quốc', 5],
  ['Tấn', 5],
  ['Công', 4],
  ['Hoàng', 3],
  ['Thành', 3],
  ['Ngọc', 3],
  ['Trọng', 2],
  ['Trung', 2],
  ['Anh', 2],
  ['Gia', 2],
  ['Xuân', 2],
  ['Duy', 2],
  ['Chí', 2],
  ['Nhật', 2],
  ['Hoài', 1],
  ['Phước', 1],
  ['Tuấn', 1],
];
const FEMALE_MIDDLE_ENTRIES: Array<[string, number]> = [
  ['Thị', 45],
  ['Ngọc', 10],
  ['Thanh', 6],
  ['Kim', 6],
  ['Thu', 5],
  ['Mỹ', 4],
  ['Bích', 3],
  ['Hồng', 3],
  ['Thúy', 2],
  ['Minh', 2],
  ['Phương', 2],
  ['Cẩm', 2],
  ['Diễm', 1],
  ['Hoài', 1],
  ['Tuyết', 1],
  ['Như', 1],
  ['Yến', 1],
  ['Hoàng', 1],
  ['Khánh', 1],
  ['Bảo', 1],
  ['Quỳnh', 1],
];

/** Younger people are less often given the plain "Văn" / "Thị" middle names. */
function tilt(entries: Array<[string, number]>, plain: string): Array<[string, number]> {
  return entries.map(([name, weight]) => [name, name === plain ? weight / 2 : weight]);
}

const MIDDLE = {
  MALE: { older: weightedTable(MALE_MIDDLE_ENTRIES), younger: weightedTable(tilt(MALE_MIDDLE_ENTRIES, 'Văn')) },
  FEMALE: { older: weightedTable(FEMALE_MIDDLE_ENTRIES), younger: weightedTable(tilt(FEMALE_MIDDLE_ENTRIES, 'Thị')) },
} as const;

/** Second middle name after "Thị" (e.g. "Nguyễn Thị Ngọc Hân"). */
const FEMALE_SECOND_MIDDLE = ['Ngọc', 'Kim', 'Thanh', 'Thu', 'Mỹ', 'Bích', 'Hồng', 'Thúy', 'Cẩm'] as const;

const MALE_GIVEN = [
  'An', 'Bình', 'Cường', 'Chiến', 'Danh', 'Dũng', 'Duy', 'Đạt', 'Định', 'Đông', 'Hải', 'Hậu', 'Hiếu', 'Hiển',
  'Hòa', 'Hoàng', 'Hùng', 'Hưng', 'Huy', 'Khang', 'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Lộc', 'Lợi', 'Long', 'Luân',
  'Minh', 'Nam', 'Nghĩa', 'Nhân', 'Nhựt', 'Phát', 'Phong', 'Phúc', 'Phước', 'Quang', 'Quân', 'Sang', 'Sơn',
  'Tài', 'Tâm', 'Tân', 'Thắng', 'Thành', 'Thiện', 'Thịnh', 'Thông', 'Tiến', 'Tín', 'Toàn', 'Trí', 'Trung',
  'Tuấn', 'Tùng', 'Vinh', 'Vũ', 'Vương', 'Hiệp',
] as const;

const FEMALE_GIVEN = [
  'Anh', 'Ánh', 'Bích', 'Châu', 'Chi', 'Diễm', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hân', 'Hiền',
  'Hoa', 'Hồng', 'Huệ', 'Huyền', 'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc',
  'Nhi', 'Nhung', 'Như', 'Oanh', 'Phương', 'Phượng', 'Quyên', 'Tâm', 'Thảo', 'Thắm', 'Thơ', 'Thủy', 'Thúy',
  'Thư', 'Trang', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến', 'Lệ', 'Trâm', 'Kiều', 'Thanh',
] as const;

/** Khmer given names as commonly transcribed in Vietnamese civil records. */
const KHMER_GIVEN = {
  MALE: ['Sóc', 'Sô Phanh', 'Sa Rương', 'Chanh Đa', 'Sơ Rây', 'Ca Ri', 'Sô Khum', 'Na Rinh'],
  FEMALE: ['Sa Ra', 'Sô Phi', 'Chanh Thy', 'Sa Rol', 'Pha Ly', 'Đa Ni', 'Sa Vy', 'Mo Ni'],
} as const;

/** Full name that the generator must never produce at random (the demo places exactly one). */
export const RESERVED_NAME = 'Nguyễn Văn An';

export function randomFullName(rng: Rng, gender: Gender, ethnicity: Ethnicity, birthYear: number): string {
  for (;;) {
    const name = candidateName(rng, gender, ethnicity, birthYear).normalize('NFC');
    if (name !== RESERVED_NAME) return name;
  }
}

function candidateName(rng: Rng, gender: Gender, ethnicity: Ethnicity, birthYear: number): string {
  if (ethnicity === 'Khmer') {
    const family = rng.weighted(KHMER_FAMILY);
    const given = rng.pick(KHMER_GIVEN[gender]);
    return gender === 'FEMALE' && rng.chance(0.5) ? `${family} Thị ${given}` : `${family} ${given}`;
  }
  const family =
    ethnicity === 'Hoa' ? rng.weighted(HOA_FAMILY) : ethnicity === 'Chăm' ? rng.weighted(CHAM_FAMILY) : rng.weighted(KINH_FAMILY);
  const middleTable = birthYear >= 1990 ? MIDDLE[gender].younger : MIDDLE[gender].older;
  const givenList: readonly string[] = gender === 'MALE' ? MALE_GIVEN : FEMALE_GIVEN;
  let middle = rng.weighted(middleTable);
  let given = rng.pick(givenList);
  while (given === middle) given = rng.pick(givenList);
  if (middle === 'Thị' && rng.chance(0.12)) {
    let second: string = rng.pick(FEMALE_SECOND_MIDDLE);
    while (second === given) second = rng.pick(FEMALE_SECOND_MIDDLE);
    middle = `Thị ${second}`;
  }
  return `${family} ${middle} ${given}`;
}

/** ASCII, lower-case, no separators: "Nguyễn Thị Ngọc Hân" → "nguyenthingochan". */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
