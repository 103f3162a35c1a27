// Job positions (chức danh, vị trí việc làm) by kind of host unit. A pool is sampled with the
// given weights for ordinary members; "heads" are placed explicitly and are always leaders.

export interface RoleSpec {
  readonly title: string;
  readonly weight: number;
  /** Head or deputy of a unit / department (lãnh đạo, quản lý). */
  readonly leader?: boolean;
  /** Works directly in production (lao động trực tiếp). */
  readonly direct?: boolean;
  /** Probability of being female; defaults to the unit's rate. */
  readonly female?: number;
  /** Birth-year range; defaults to the unit's range (heads: older). */
  readonly born?: readonly [number, number];
}

export interface HeadSpec {
  readonly title: string;
  readonly count: number;
  readonly female?: number;
  readonly born?: readonly [number, number];
}

export interface Profile {
  readonly female: number;
  readonly born: readonly [number, number];
  readonly pool: readonly RoleSpec[];
}

export const HEAD_BORN: readonly [number, number] = [1966, 1986];

const r = (title: string, weight: number, extra: Omit<RoleSpec, 'title' | 'weight'> = {}): RoleSpec => ({ title, weight, ...extra });
export const h = (title: string, count = 1, extra: Omit<HeadSpec, 'title' | 'count'> = {}): HeadSpec => ({ title, count, ...extra });

const WORKER_BORN: readonly [number, number] = [1978, 2004];
const MALE = { female: 0.03 };

// ----- public administration (HCSN) -----

export const OFFICE_STAFF: readonly RoleSpec[] = [
  r('Chuyên viên', 70),
  r('Văn thư', 4, { female: 0.8 }),
  r('Kế toán', 4, { female: 0.7 }),
  r('Lái xe', 3, MALE),
  r('Nhân viên phục vụ', 3, { female: 0.9 }),
];

export const COMMUNE_STAFF: readonly RoleSpec[] = [
  r('Công chức Văn phòng – Thống kê', 10),
  r('Công chức Tư pháp – Hộ tịch', 10),
  r('Công chức Địa chính – Xây dựng', 10, { female: 0.3 }),
  r('Công chức Tài chính – Kế toán', 8, { female: 0.7 }),
  r('Công chức Văn hóa – Xã hội', 10),
  r('Chỉ huy trưởng Ban Chỉ huy Quân sự', 3, MALE),
  r('Chuyên viên', 15),
  r('Người hoạt động không chuyên trách', 20),
];

export const CULTURE_STAFF: readonly RoleSpec[] = [
  r('Viên chức văn hóa', 20),
  r('Phóng viên – Biên tập viên', 15),
  r('Kỹ thuật viên truyền thanh', 10, { female: 0.2 }),
  r('Huấn luyện viên thể thao', 8, { female: 0.3 }),
  r('Kế toán', 3, { female: 0.8 }),
  r('Nhân viên', 5),
];

export const EDU_OFFICE_STAFF: readonly RoleSpec[] = [r('Chuyên viên', 90), r('Kế toán', 5, { female: 0.8 }), r('Văn thư', 5, { female: 0.8 })];

// ----- health centre -----

export const HEALTH_ADMIN: readonly RoleSpec[] = [
  r('Trưởng phòng', 5, { leader: true }),
  r('Chuyên viên', 30),
  r('Kế toán', 15, { female: 0.8 }),
  r('Nhân viên hành chính', 25),
  r('Lái xe', 5, MALE),
  r('Nhân viên bảo vệ', 5, MALE),
];
export const HEALTH_CLINICAL: readonly RoleSpec[] = [
  r('Bác sĩ', 30, { female: 0.45 }),
  r('Điều dưỡng', 50, { female: 0.8 }),
  r('Hộ sinh', 12, { female: 1 }),
  r('Y sĩ', 8),
];
export const HEALTH_PARACLINICAL: readonly RoleSpec[] = [
  r('Kỹ thuật viên xét nghiệm', 35),
  r('Kỹ thuật viên chẩn đoán hình ảnh', 20, { female: 0.4 }),
  r('Dược sĩ', 30, { female: 0.75 }),
  r('Bác sĩ', 10, { female: 0.45 }),
];
export const HEALTH_PREVENTIVE: readonly RoleSpec[] = [
  r('Trưởng trạm y tế', 10, { leader: true }),
  r('Y sĩ', 25),
  r('Bác sĩ', 15, { female: 0.45 }),
  r('Điều dưỡng', 20, { female: 0.8 }),
  r('Hộ sinh', 15, { female: 1 }),
];

// ----- schools -----

export const SCHOOL_STAFF: readonly RoleSpec[] = [
  r('Giáo viên', 85),
  r('Tổng phụ trách Đội', 1),
  r('Nhân viên kế toán', 3, { female: 0.85 }),
  r('Nhân viên văn thư', 3, { female: 0.85 }),
  r('Nhân viên thư viện – thiết bị', 3, { female: 0.9 }),
  r('Nhân viên y tế học đường', 2, { female: 0.9 }),
  r('Nhân viên bảo vệ', 3, MALE),
];
export const TEACHERS_ONLY: readonly RoleSpec[] = [r('Giáo viên', 1)];
export const SCHOOL_OFFICE: readonly RoleSpec[] = [
  r('Nhân viên kế toán', 3, { female: 0.85 }),
  r('Nhân viên văn thư', 3, { female: 0.85 }),
  r('Nhân viên thư viện – thiết bị', 3, { female: 0.9 }),
  r('Nhân viên y tế học đường', 2, { female: 0.9 }),
  r('Nhân viên bảo vệ', 3, MALE),
  r('Tổng phụ trách Đội', 1),
];
export const KINDERGARTEN_STAFF: readonly RoleSpec[] = [
  r('Giáo viên', 80),
  r('Nhân viên cấp dưỡng', 10, { female: 0.9 }),
  r('Nhân viên kế toán', 3, { female: 0.9 }),
  r('Nhân viên y tế', 2),
  r('Nhân viên bảo vệ', 3, MALE),
];

// ----- state-owned enterprises -----

export const COMPANY_OFFICE: readonly RoleSpec[] = [
  r('Trưởng phòng', 6, { leader: true }),
  r('Phó Trưởng phòng', 4, { leader: true }),
  r('Nhân viên văn phòng', 25),
  r('Nhân viên nhân sự', 12, { female: 0.7 }),
  r('Kế toán', 12, { female: 0.85 }),
  r('Nhân viên kế hoạch', 10),
  r('Nhân viên kho', 10, { female: 0.4 }),
  r('Lái xe', 4, MALE),
  r('Nhân viên bảo vệ', 5, MALE),
];
export const FDI_OFFICE: readonly RoleSpec[] = [...COMPANY_OFFICE, r('Phiên dịch viên', 8, { female: 0.7 })];

export const RUBBER_TAPPERS: readonly RoleSpec[] = [
  r('Công nhân cạo mủ', 85, { direct: true, born: [1970, 2002] }),
  r('Tổ trưởng sản xuất', 5, { direct: true, born: [1970, 1992] }),
  r('Kỹ thuật viên nông nghiệp', 4),
  r('Nhân viên bảo vệ vườn cây', 4, MALE),
];
export const RUBBER_FACTORY: readonly RoleSpec[] = [
  r('Công nhân chế biến mủ', 80, { direct: true, female: 0.35 }),
  r('Tổ trưởng sản xuất', 5, { direct: true }),
  r('Kỹ thuật viên', 8, { female: 0.3 }),
  r('Nhân viên KCS', 5, { female: 0.6 }),
];
export const POWER_STAFF: readonly RoleSpec[] = [
  r('Trưởng phòng', 4, { leader: true }),
  r('Kỹ sư điện', 15, { female: 0.1 }),
  r('Công nhân quản lý vận hành lưới điện', 40, { direct: true, female: 0.02 }),
  r('Nhân viên kinh doanh điện', 15, { female: 0.6 }),
  r('Nhân viên ghi chỉ số công tơ', 10, { direct: true, female: 0.3 }),
  r('Kế toán', 8, { female: 0.8 }),
  r('Nhân viên tổng hợp', 5),
];
export const IRRIGATION_STAFF: readonly RoleSpec[] = [
  r('Kỹ sư thủy lợi', 20, { female: 0.2 }),
  r('Công nhân vận hành cống', 40, { direct: true, female: 0.1 }),
  r('Nhân viên quản lý kênh', 20, { direct: true, female: 0.15 }),
  r('Kế toán', 8, { female: 0.8 }),
  r('Nhân viên văn phòng', 8),
];

// ----- domestic private companies and co-operatives -----

export const AGRO_STAFF: readonly RoleSpec[] = [
  r('Quản đốc phân xưởng', 2, { leader: true, female: 0.1 }),
  r('Công nhân vận hành máy', 35, { direct: true, female: 0.15 }),
  r('Công nhân sản xuất', 30, { direct: true }),
  r('Công nhân bốc xếp', 10, { direct: true, female: 0 }),
  r('Tổ trưởng sản xuất', 5, { direct: true }),
  r('Kỹ thuật viên', 5, { female: 0.2 }),
  r('Nhân viên KCS', 5, { female: 0.7 }),
  r('Kế toán', 4, { female: 0.8 }),
  r('Nhân viên văn phòng', 5, { female: 0.6 }),
];
export const BRICK_STAFF: readonly RoleSpec[] = [
  r('Công nhân sản xuất gạch', 50, { direct: true, female: 0.3 }),
  r('Công nhân vận hành lò nung', 20, { direct: true, female: 0 }),
  r('Tổ trưởng sản xuất', 5, { direct: true }),
  r('Lái xe', 5, MALE),
  r('Kế toán', 4, { female: 0.8 }),
  r('Nhân viên kinh doanh', 5, { female: 0.5 }),
];
export const MECHANICAL_STAFF: readonly RoleSpec[] = [
  r('Công nhân cơ khí', 50, { direct: true }),
  r('Công nhân hàn', 25, { direct: true, female: 0 }),
  r('Kỹ thuật viên', 10),
  r('Kế toán', 5, { female: 0.8 }),
  r('Nhân viên văn phòng', 6, { female: 0.6 }),
];
export const TRADE_STAFF: readonly RoleSpec[] = [
  r('Nhân viên bán hàng', 40),
  r('Nhân viên giao hàng', 15, MALE),
  r('Kế toán', 10, { female: 0.8 }),
  r('Nhân viên kho', 15, { female: 0.3 }),
  r('Nhân viên văn phòng', 10),
];
export const COOP_STAFF: readonly RoleSpec[] = [
  r('Lao động nông nghiệp', 60, { direct: true }),
  r('Nhân viên kỹ thuật nông nghiệp', 15, { female: 0.3 }),
  r('Kế toán', 10, { female: 0.8 }),
  r('Nhân viên dịch vụ', 15),
];

// ----- factories (garment, footwear, textile, tyres, electronics) -----

const LINE_SUPPORT: readonly RoleSpec[] = [
  r('Tổ trưởng sản xuất', 4, { direct: true, born: [1978, 1996] }),
  r('Kỹ thuật viên', 4, { female: 0.4 }),
  r('Nhân viên QC', 5, { female: 0.85 }),
];
const line = (worker: string, extra: Omit<RoleSpec, 'title' | 'weight'> = {}): readonly RoleSpec[] => [
  r(worker, 87, { direct: true, born: WORKER_BORN, ...extra }),
  ...LINE_SUPPORT,
];

export const SEWING = line('Công nhân may');
export const CUTTING = line('Công nhân cắt', { female: 0.55 });
export const FINISHING: readonly RoleSpec[] = [
  r('Công nhân hoàn thành', 60, { direct: true, born: WORKER_BORN }),
  r('Công nhân đóng gói', 25, { direct: true, born: WORKER_BORN, female: 0.6 }),
  ...LINE_SUPPORT,
];
export const SHOE_UPPER = line('Công nhân may mũ giày');
export const SHOE_LASTING = line('Công nhân gò', { female: 0.55 });
export const SHOE_SOLE = line('Công nhân ép đế', { female: 0.4 });
export const SPINNING = line('Công nhân kéo sợi');
export const WEAVING = line('Công nhân dệt');
export const WAREHOUSE: readonly RoleSpec[] = [
  r('Nhân viên kho', 30, { female: 0.4 }),
  r('Công nhân bốc xếp', 25, { direct: true, female: 0 }),
  r('Lái xe nâng', 10, { direct: true, female: 0 }),
  ...FDI_OFFICE,
];
export const TYRE_MIXING = line('Công nhân luyện cán cao su', { female: 0.1 });
export const TYRE_CURING = line('Công nhân lưu hóa', { female: 0.1 });
export const ELECTRONICS: readonly RoleSpec[] = [
  r('Quản đốc xưởng', 1, { leader: true }),
  r('Trưởng phòng', 1.5, { leader: true }),
  r('Công nhân lắp ráp linh kiện', 70, { direct: true, born: [1985, 2004] }),
  r('Công nhân vận hành máy', 15, { direct: true, born: [1985, 2004], female: 0.4 }),
  r('Tổ trưởng sản xuất', 4, { direct: true }),
  r('Kỹ thuật viên', 6, { female: 0.3 }),
  r('Nhân viên QC', 6, { female: 0.85 }),
  r('Nhân viên văn phòng', 5),
];
export const BAG_SEWING: readonly RoleSpec[] = [
  r('Quản đốc xưởng', 1, { leader: true }),
  r('Trưởng phòng', 1, { leader: true }),
  r('Công nhân may túi xách', 75, { direct: true, born: WORKER_BORN }),
  r('Công nhân đóng gói', 8, { direct: true, born: WORKER_BORN }),
  ...LINE_SUPPORT,
  r('Nhân viên văn phòng', 5),
];
export const GARMENT_MIXED: readonly RoleSpec[] = [
  r('Quản đốc xưởng', 1, { leader: true }),
  r('Trưởng phòng', 1, { leader: true }),
  r('Công nhân may', 70, { direct: true, born: WORKER_BORN }),
  r('Công nhân cắt', 8, { direct: true, born: WORKER_BORN, female: 0.55 }),
  r('Công nhân hoàn thành', 8, { direct: true, born: WORKER_BORN }),
  ...LINE_SUPPORT,
  r('Nhân viên văn phòng', 5),
];

// ----- federation staff (cán bộ chuyên trách) -----

export const FEDERATION_BORN: readonly [number, number] = [1968, 1994];
