// Anniversaries the calendar shows: the union's and the nation's days, every year, and the "round"
// ones (năm chẵn: every 5 years since the event) that emulation rounds (thi đua theo đợt) are
// launched to mark. The 2024 plan of LĐLĐ huyện DMC names: 70 năm Chiến thắng Điện Biên Phủ,
// 80 năm Quân đội nhân dân Việt Nam, 35 năm Ngày hội Quốc phòng toàn dân, 65 năm Bộ đội Biên phòng,
// 35 năm Ngày Biên phòng toàn dân, 65 năm Ngày mở đường Hồ Chí Minh, 95 năm Công đoàn Việt Nam.

export interface AnniversaryDefinition {
  /** Stable key, e.g. "cong-doan-vn". */
  key: string;
  /** Vietnamese name of the day, without the "n năm" prefix. */
  name: string;
  month: number;
  day: number;
  /** Year of the event counted from; null for days that are not counted (e.g. international days). */
  sinceYear: number | null;
  /** A union day (Công đoàn) rather than a national one. */
  union: boolean;
}

export const ANNIVERSARIES: readonly AnniversaryDefinition[] = [
  { key: 'dang-csvn', name: 'Ngày thành lập Đảng Cộng sản Việt Nam', month: 2, day: 3, sinceYear: 1930, union: false },
  { key: 'bien-phong', name: 'Ngày Truyền thống Bộ đội Biên phòng', month: 3, day: 3, sinceYear: 1959, union: false },
  { key: 'bien-phong-toan-dan', name: 'Ngày Biên phòng toàn dân', month: 3, day: 3, sinceYear: 1989, union: false },
  { key: 'quoc-te-phu-nu', name: 'Ngày Quốc tế Phụ nữ', month: 3, day: 8, sinceYear: 1910, union: false },
  { key: 'giai-phong-mien-nam', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước', month: 4, day: 30, sinceYear: 1975, union: false },
  { key: 'quoc-te-lao-dong', name: 'Ngày Quốc tế Lao động', month: 5, day: 1, sinceYear: 1886, union: true },
  { key: 'dien-bien-phu', name: 'Ngày Chiến thắng Điện Biên Phủ', month: 5, day: 7, sinceYear: 1954, union: false },
  { key: 'sinh-nhat-bac', name: 'Ngày sinh Chủ tịch Hồ Chí Minh', month: 5, day: 19, sinceYear: 1890, union: false },
  { key: 'duong-ho-chi-minh', name: 'Ngày mở đường Hồ Chí Minh', month: 5, day: 19, sinceYear: 1959, union: false },
  { key: 'thi-dua-ai-quoc', name: 'Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc', month: 6, day: 11, sinceYear: 1948, union: false },
  { key: 'thuong-binh-liet-si', name: 'Ngày Thương binh - Liệt sĩ', month: 7, day: 27, sinceYear: 1947, union: false },
  { key: 'cong-doan-vn', name: 'Ngày thành lập Công đoàn Việt Nam', month: 7, day: 28, sinceYear: 1929, union: true },
  { key: 'quoc-khanh', name: 'Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam', month: 9, day: 2, sinceYear: 1945, union: false },
  { key: 'phu-nu-vn', name: 'Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam', month: 10, day: 20, sinceYear: 1930, union: false },
  { key: 'doanh-nhan-vn', name: 'Ngày Doanh nhân Việt Nam', month: 10, day: 13, sinceYear: 2004, union: false },
  { key: 'nha-giao-vn', name: 'Ngày Nhà giáo Việt Nam', month: 11, day: 20, sinceYear: 1982, union: false },
  { key: 'qdnd-vn', name: 'Ngày thành lập Quân đội nhân dân Việt Nam', month: 12, day: 22, sinceYear: 1944, union: false },
  { key: 'quoc-phong-toan-dan', name: 'Ngày hội Quốc phòng toàn dân', month: 12, day: 22, sinceYear: 1989, union: false },
];

export interface Anniversary {
  key: string;
  /** "95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024)" or the name alone. */
  title: string;
  date: string;
  /** Years since the event; null when not counted. */
  years: number | null;
  /** A round anniversary (năm chẵn: a multiple of 5 years), marked by emulation rounds. */
  round: boolean;
  union: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

export const isRoundAnniversary = (years: number | null): boolean => years !== null && years > 0 && years % 5 === 0;

/** The anniversaries falling in `year`, by date (events not yet happened are left out). */
export function anniversariesOf(year: number, list: readonly AnniversaryDefinition[] = ANNIVERSARIES): Anniversary[] {
  return list
    .filter((a) => a.sinceYear === null || a.sinceYear < year)
    .map((a) => {
      const years = a.sinceYear === null ? null : year - a.sinceYear;
      const round = isRoundAnniversary(years);
      const title = round ? `${years} năm ${a.name} (${a.day}/${a.month}/${a.sinceYear} - ${a.day}/${a.month}/${year})` : a.name;
      return { key: a.key, title, date: `${year}-${pad(a.month)}-${pad(a.day)}`, years, round, union: a.union };
    })
    .sort((x, y) => x.date.localeCompare(y.date) || x.key.localeCompare(y.key));
}
