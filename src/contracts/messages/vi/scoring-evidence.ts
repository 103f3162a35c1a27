// Messages: Evidence files of score sheets, and stored documents in general.
export const scoringEvidence = {
  'scoring.evidence.title': 'Minh chứng',
  'file.empty': 'Tệp rỗng (0 byte). Vui lòng chọn lại tệp.',
  'file.unsupported': 'Tệp không đúng định dạng (kiểm tra theo nội dung tệp, không theo tên). Chỉ nhận: {allowed}.',
  'file.noFile': 'Chưa chọn tệp để tải lên.',
  'scoring.evidence.unknownCriterion': 'Tiêu chí “{criterion}” không có trong phiếu chấm này.',
  'scoring.evidence.supersedesOther': 'Tệp được thay thế phải là minh chứng đang dùng của cùng tiêu chí trong phiếu này.',
  'scoring.evidence.locked': 'Phiếu đã nộp hoặc đã thẩm định: không thể thay đổi minh chứng.',
  'scoring.evidence.notActive': 'Minh chứng này đã được thay thế hoặc thu hồi.',
  'scoring.evidence.replacedReason': 'Thay thế bằng tệp “{fileName}”.',
  'scoring.evidence.missing': 'Tiêu chí {criterion} được chấm {points} điểm nhưng chưa có minh chứng bắt buộc.',
  'scoring.evidence.missingSummary': 'Chưa nộp được: {count} tiêu chí đòi hỏi minh chứng chưa có tệp ({list}).',
} as const;
