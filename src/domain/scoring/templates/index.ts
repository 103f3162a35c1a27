import { CDCS_1294 } from './cdcs-1294';
import { DOAN_VIEN } from './member';
import { TO_CONG_DOAN } from './to-cong-doan';

export { CDCS_1294, DOAN_VIEN, TO_CONG_DOAN };
/** The templates shipped with Vinh Danh; installations copy and version them. */
export const SHIPPED_TEMPLATES = [CDCS_1294, TO_CONG_DOAN, DOAN_VIEN] as const;
