// Tổ công đoàn annual scoring, after the example of Công đoàn Viên chức Việt Nam, QĐ 101/QĐ-CĐVC of
// 02/07/2015 (RULES.md §8.1): "Tiêu chuẩn chung" of 7 items, 90 points in total, confirmed.
// ASSUMPTION: the example stops at 90 and we did not find what fills the other 10 points; Vinh Danh
// adds a 10-point BONUS section so that the same 100-point classification bands apply. The bonus items
// are ours, to be edited by each installation.
import { freezeTemplate, type Criterion, type ScorecardTemplate } from '../template';

const c = (code: string, text: string, maxPoints: number, evidence?: string): Criterion => ({
  code,
  text,
  maxPoints,
  step: 0.5,
  evidenceRequired: evidence !== undefined,
  ...(evidence ? { evidence } : {}),
});

export const TO_CONG_DOAN: ScorecardTemplate = freezeTemplate({
  code: 'TO_CONG_DOAN',
  version: 1,
  nameVi: 'Chấm điểm, xếp loại tổ công đoàn',
  nameEn: 'Union group scoring and classification',
  subject: 'UNIT',
  unitVariant: null,
  unitKinds: ['TO_CD'],
  totalPoints: 100,
  stages: ['SELF', 'UPPER'],
  source: 'QĐ 101/QĐ-CĐVC ngày 02/07/2015 (Tiêu chuẩn chung 90 điểm, 7 nội dung); phần điểm thưởng 10 điểm do Vinh Danh đề xuất.',
  sections: [
    {
      code: 'TC',
      title: 'Tiêu chuẩn chung',
      kind: 'REGULAR',
      maxPoints: 90,
      criteria: [
        c('TC.1', 'Hoàn thành các nhiệm vụ do công đoàn cấp trên giao', 20, 'Báo cáo kết quả thực hiện nhiệm vụ'),
        c('TC.2', 'Đại diện, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên', 15),
        c('TC.3', 'Tham gia các phong trào thi đua do công đoàn phát động', 10),
        c('TC.4', 'Nắm bắt, phản ánh tâm tư, nguyện vọng, kiến nghị của đoàn viên với công đoàn cấp trên', 15),
        c('TC.5', 'Đoàn kết, giúp đỡ lẫn nhau trong công tác và đời sống', 10),
        c('TC.6', 'Không có đoàn viên vi phạm pháp luật hoặc bị kỷ luật từ hình thức cảnh cáo trở lên', 10, 'Xác nhận của công đoàn cơ sở'),
        c('TC.7', 'Phát triển đoàn viên', 10, 'Danh sách đoàn viên mới kết nạp'),
      ],
    },
    {
      code: 'TH',
      title: 'Điểm thưởng',
      kind: 'BONUS',
      maxPoints: 10,
      criteria: [
        c('TH.1', 'Có đoàn viên được khen thưởng từ cấp công đoàn cơ sở trở lên trong năm', 5, 'Quyết định khen thưởng'),
        c('TH.2', 'Có sáng kiến, cách làm hay trong hoạt động của tổ được công đoàn cơ sở ghi nhận', 5, 'Văn bản ghi nhận'),
      ],
    },
  ],
});
