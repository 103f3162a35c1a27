// Messages of plans (kế hoạch) and the outgoing register.
export const plans = {
  'plan.notDraft': 'Kế hoạch đã ban hành, không sửa được nữa.',
  'plan.staleVersion': 'Kế hoạch vừa được người khác sửa. Vui lòng tải lại trang để xem bản mới nhất rồi sửa lại.',
  'plan.unknownBasis': 'Không có kế hoạch số hiệu {id} để làm căn cứ.',
  'plan.unknownRecipient': 'Không có đơn vị số hiệu {id} trong danh sách nơi nhận.',
  'plan.issuedInFuture': 'Ngày ban hành không được sau ngày hôm nay.',
  'plan.recipientOrgMissing': 'Nơi nhận là một đơn vị nhưng chưa chọn đơn vị nào.',
  'plan.numberUsed': 'Số {number} năm {year} đã dùng cho văn bản “{title}” ngày {date}. Để trống ô số để hệ thống cấp số tiếp theo, hoặc nhập số khác còn trống trong sổ văn bản đi.',
  'plan.issuedTooEarly': 'Ngày ban hành quá sớm so với năm của kế hoạch ({year}).',
} as const;
