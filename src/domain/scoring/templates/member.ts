// Đoàn viên (union member) annual scoring, after the member sheet example of RULES.md §8.1: columns
// "Điểm chuẩn / Tự chấm / Tổ CĐ chấm / Giải trình" — here maxPoints, a SELF sheet, a GROUP sheet,
// and the sheet's per-entry explanation. The "Chấp hành chủ trương…" 25 and "Kết quả công tác" 25
// sections are from the example; the other 50 points are Vinh Danh's proposal, to be edited.
import { freezeTemplate, type Criterion, type ScorecardTemplate } from '../template';

const c = (code: string, text: string, maxPoints: number): Criterion => ({ code, text, maxPoints, step: 0.5, evidenceRequired: false });

export const DOAN_VIEN: ScorecardTemplate = freezeTemplate({
  code: 'DOAN_VIEN',
  version: 1,
  nameVi: 'Phiếu chấm điểm, đánh giá đoàn viên công đoàn',
  nameEn: 'Union member scoring sheet',
  subject: 'PERSON',
  unitVariant: null,
  totalPoints: 100,
  stages: ['SELF', 'GROUP'],
  source: 'Mẫu phiếu đánh giá đoàn viên (Điểm chuẩn / Tự chấm / Tổ CĐ chấm / Giải trình); hai mục 25 điểm theo mẫu, các mục còn lại do Vinh Danh đề xuất.',
  sections: [
    {
      code: 'CH',
      title: 'Chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, Điều lệ Công đoàn Việt Nam',
      kind: 'REGULAR',
      maxPoints: 25,
      criteria: [
        c('CH.1', 'Chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước', 10),
        c('CH.2', 'Chấp hành Điều lệ Công đoàn Việt Nam, nghị quyết của công đoàn các cấp', 10),
        c('CH.3', 'Chấp hành nội quy, quy chế của cơ quan, đơn vị', 5),
      ],
    },
    {
      code: 'KQ',
      title: 'Kết quả công tác',
      kind: 'REGULAR',
      maxPoints: 25,
      criteria: [
        c('KQ.1', 'Hoàn thành nhiệm vụ chuyên môn được giao về khối lượng, chất lượng, tiến độ', 15),
        c('KQ.2', 'Có sáng kiến, giải pháp cải tiến trong công việc', 5),
        c('KQ.3', 'Tham gia phong trào thi đua của cơ quan, đơn vị và công đoàn', 5),
      ],
    },
    {
      code: 'SH',
      title: 'Tham gia sinh hoạt và hoạt động công đoàn',
      kind: 'REGULAR',
      maxPoints: 20,
      criteria: [
        c('SH.1', 'Tham gia đầy đủ sinh hoạt tổ công đoàn, công đoàn cơ sở', 10),
        c('SH.2', 'Đóng đoàn phí công đoàn đầy đủ, đúng hạn', 5),
        c('SH.3', 'Tham gia các hoạt động văn hóa, thể thao, xã hội, từ thiện do công đoàn tổ chức', 5),
      ],
    },
    {
      code: 'DD',
      title: 'Phẩm chất đạo đức, lối sống, tinh thần đoàn kết',
      kind: 'REGULAR',
      maxPoints: 15,
      criteria: [
        c('DD.1', 'Có phẩm chất đạo đức, lối sống lành mạnh; thực hiện tốt văn hóa nơi làm việc', 8),
        c('DD.2', 'Đoàn kết, giúp đỡ đồng nghiệp; xây dựng gia đình văn hóa', 7),
      ],
    },
    {
      code: 'HT',
      title: 'Học tập, nâng cao trình độ',
      kind: 'REGULAR',
      maxPoints: 15,
      criteria: [
        c('HT.1', 'Học tập nâng cao trình độ chính trị, chuyên môn, nghiệp vụ, kỹ năng nghề', 10),
        c('HT.2', 'Tìm hiểu pháp luật, kiến thức về công đoàn', 5),
      ],
    },
  ],
});
