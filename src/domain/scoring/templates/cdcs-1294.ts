// CĐCS annual classification (đánh giá, xếp loại công đoàn cơ sở hằng năm) after 1294/HD-TLĐ of
// 14/08/2019: groups 1 (40) / 2 (40) / 3 (15) + bonus 5 = 100 points (RULES.md §8.1).
// NOTE: only the group structure and maxima of 1294 are confirmed. Its exact sub-criteria and their
// points were NOT retrieved: the criteria below are a sensible, editable starting point written for
// Vinh Danh, with the indicators that differ for state agencies / public units (quy chế dân chủ, hội
// nghị cán bộ, công chức, viên chức) and for enterprises (đối thoại, thỏa ước lao động tập thể).
import { freezeTemplate, type Criterion, type ScorecardTemplate } from '../template';

const c = (code: string, text: string, maxPoints: number, evidence: string, extra: Partial<Criterion> = {}): Criterion => ({
  code,
  text,
  maxPoints,
  step: 0.25,
  evidence,
  evidenceRequired: false,
  ...extra,
});
const STATE = { variants: ['STATE'] } as const;
const ENTERPRISE = { variants: ['ENTERPRISE'] } as const;
/**
 * Evidence is asked for every criterion (the `evidence` text), but a file is REQUIRED at submission
 * only where one decisive document must exist: the dialogue and conference minutes, the collective
 * agreement, the union's accounts, and every bonus point claimed.
 */
const REQUIRED = { evidenceRequired: true } as const;

export const CDCS_1294: ScorecardTemplate = freezeTemplate({
  code: 'CDCS_1294',
  version: 1,
  nameVi: 'Đánh giá, xếp loại chất lượng hoạt động công đoàn cơ sở hằng năm (theo Hướng dẫn 1294/HD-TLĐ)',
  nameEn: 'Annual classification of grassroots unions (after Guidance 1294/HD-TLĐ)',
  subject: 'UNIT',
  unitVariant: null,
  unitKinds: ['CDCS', 'NGHIEP_DOAN'],
  totalPoints: 100,
  stages: ['SELF', 'UPPER'],
  source: '1294/HD-TLĐ ngày 14/08/2019: cấu trúc 40/40/15 + 5 điểm thưởng. Các tiêu chí chi tiết là bản gợi ý, cần rà soát theo văn bản gốc.',
  sections: [
    {
      code: 'G1',
      title: 'Đại diện, chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên, người lao động; tham gia quản lý, thanh tra, kiểm tra, giám sát',
      kind: 'REGULAR',
      maxPoints: 40,
      criteria: [
        c('G1.1', 'Tham gia xây dựng và giám sát thực hiện chế độ, chính sách về tiền lương, tiền thưởng, bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp đối với người lao động', 8, 'Văn bản góp ý, biên bản giám sát; báo cáo tình hình đóng bảo hiểm'),
        c('G1.2', 'Chăm lo đời sống, việc làm; thăm hỏi, hỗ trợ đoàn viên, người lao động có hoàn cảnh khó khăn, ốm đau, tai nạn', 8, 'Danh sách, sổ sách chi thăm hỏi, hỗ trợ'),
        c('G1.3', 'Tiếp nhận, giải quyết hoặc kiến nghị giải quyết kịp thời kiến nghị, khiếu nại của đoàn viên, người lao động', 6, 'Sổ theo dõi kiến nghị, văn bản trả lời'),
        c('G1.4', 'Phối hợp kiểm tra, giám sát an toàn, vệ sinh lao động; hoạt động của Ban Thanh tra nhân dân (hoặc mạng lưới an toàn, vệ sinh viên)', 6, 'Kế hoạch, biên bản kiểm tra an toàn, vệ sinh lao động'),
        c('G1.5E', 'Tổ chức đối thoại tại nơi làm việc định kỳ và khi có yêu cầu theo quy định', 4, 'Biên bản đối thoại', { ...ENTERPRISE, ...REQUIRED }),
        c('G1.6E', 'Thương lượng, ký kết thỏa ước lao động tập thể có nội dung có lợi hơn cho người lao động so với quy định của pháp luật; giám sát thực hiện', 5, 'Thỏa ước lao động tập thể còn hiệu lực, báo cáo giám sát', { ...ENTERPRISE, ...REQUIRED }),
        c('G1.7E', 'Không để xảy ra tranh chấp lao động tập thể, ngừng việc tập thể trái quy định', 3, 'Báo cáo của công đoàn cơ sở, xác nhận của công đoàn cấp trên', ENTERPRISE),
        c('G1.5S', 'Phối hợp tổ chức Hội nghị cán bộ, công chức, viên chức (Hội nghị người lao động) đúng quy định', 5, 'Biên bản, nghị quyết hội nghị', { ...STATE, ...REQUIRED }),
        c('G1.6S', 'Tham gia xây dựng và giám sát thực hiện quy chế dân chủ ở cơ sở, quy chế chi tiêu nội bộ, quy chế thi đua, khen thưởng, nâng lương', 5, 'Các quy chế có ý kiến của công đoàn; biên bản giám sát', STATE),
        c('G1.7S', 'Tham gia phòng, chống tham nhũng, lãng phí; tham gia đánh giá, xếp loại cán bộ, công chức, viên chức', 2, 'Văn bản tham gia, biên bản họp', STATE),
      ],
    },
    {
      code: 'G2',
      title: 'Xây dựng tổ chức công đoàn',
      kind: 'REGULAR',
      maxPoints: 40,
      criteria: [
        c('G2.1', 'Phát triển đoàn viên; tỷ lệ đoàn viên trên tổng số người lao động đạt chỉ tiêu công đoàn cấp trên giao', 8, 'Danh sách kết nạp, báo cáo số lượng đoàn viên'),
        c('G2.2', 'Tổ chức đại hội, kiện toàn Ban Chấp hành, Ủy ban Kiểm tra đúng Điều lệ; có quy chế hoạt động', 6, 'Nghị quyết đại hội, quyết định công nhận, quy chế'),
        c('G2.3', 'Sinh hoạt công đoàn định kỳ; hoạt động của công đoàn bộ phận, tổ công đoàn', 6, 'Sổ ghi biên bản sinh hoạt'),
        c('G2.4', 'Quản lý đoàn viên; cấp, phát và quản lý thẻ đoàn viên công đoàn', 4, 'Sổ danh sách đoàn viên, sổ cấp thẻ'),
        c('G2.5', 'Thu, nộp kinh phí công đoàn, đoàn phí công đoàn đầy đủ, kịp thời; quản lý, sử dụng tài chính, tài sản công đoàn đúng quy định', 8, 'Sổ kế toán, chứng từ nộp kinh phí, báo cáo quyết toán', REQUIRED),
        c('G2.6', 'Hoạt động kiểm tra, giám sát của Ủy ban Kiểm tra công đoàn cơ sở', 4, 'Kế hoạch, biên bản kiểm tra'),
        c('G2.7', 'Đánh giá, xếp loại đoàn viên; bồi dưỡng, giới thiệu đoàn viên ưu tú để Đảng xem xét kết nạp', 4, 'Kết quả đánh giá đoàn viên, danh sách giới thiệu'),
      ],
    },
    {
      code: 'G3',
      title: 'Công tác tuyên truyền và các hoạt động khác',
      kind: 'REGULAR',
      maxPoints: 15,
      criteria: [
        c('G3.1', 'Tuyên truyền, phổ biến chủ trương của Đảng, chính sách, pháp luật của Nhà nước, nghị quyết của công đoàn', 5, 'Kế hoạch, hình ảnh, danh sách tham dự'),
        c('G3.2E', 'Tổ chức phong trào thi đua lao động giỏi, lao động sáng tạo; phát huy sáng kiến, cải tiến kỹ thuật', 5, 'Kế hoạch phát động, kết quả sơ kết, tổng kết', ENTERPRISE),
        c('G3.2S', 'Tổ chức phong trào thi đua yêu nước, thực hiện văn hóa công sở; "Giỏi việc nước, đảm việc nhà"', 5, 'Kế hoạch phát động, kết quả sơ kết, tổng kết', STATE),
        c('G3.3', 'Hoạt động văn hóa, thể thao, nữ công; công tác xã hội, từ thiện', 5, 'Kế hoạch, báo cáo kết quả'),
      ],
    },
    {
      code: 'B',
      title: 'Điểm thưởng',
      kind: 'BONUS',
      maxPoints: 5,
      criteria: [
        c('B.1', 'Có mô hình, cách làm hay, sáng tạo được công đoàn cấp trên công nhận, nhân rộng', 2, 'Văn bản công nhận của công đoàn cấp trên', { step: 0.5, ...REQUIRED }),
        c('B.2', 'Hoàn thành xuất sắc nhiệm vụ đột xuất do công đoàn cấp trên giao', 2, 'Văn bản giao nhiệm vụ, báo cáo kết quả', { step: 0.5, ...REQUIRED }),
        c('B.3', 'Được công đoàn cấp trên hoặc cơ quan có thẩm quyền khen thưởng trong năm', 2, 'Quyết định khen thưởng', { step: 0.5, ...REQUIRED }),
      ],
    },
  ],
});
