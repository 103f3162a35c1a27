// Certificate templates per organisation (server side): refusals, audit wording and the sample
// certificate printed by the preview.
export const certificateTemplates = {
  'certificateTemplates.api.colourNotInPalette': 'Màu này không có trong bảng màu cho phép. Hãy chọn một màu trong danh sách (vàng đồng, đỏ, đỏ thẫm, xanh lam, xanh đậm, xanh lục, nâu, tím, đen) để chữ trên giấy khen luôn đọc được.',
  'certificateTemplates.api.stale': 'Mẫu đã được người khác thay đổi sau khi bạn mở trang. Hãy tải lại để xem mẫu mới nhất rồi sửa lại.',
  'certificateTemplates.api.orgInactive': 'Đơn vị đã ngừng hoạt động nên không thể đổi mẫu giấy khen.',
  'certificateTemplates.default.issuerLine1Top': 'Tổng Liên đoàn Lao động Việt Nam',
  'certificateTemplates.default.issuerLine2': 'Ban Chấp hành {org}',
  'certificateTemplates.file': 'Mẫu giấy khen',
  'certificateTemplates.sample.recipientName': 'Nguyễn Thị Mẫu',
  'certificateTemplates.sample.recipientUnit': 'Công đoàn cơ sở (đơn vị của người được khen)',
  'certificateTemplates.sample.achievement': 'Đã có thành tích xuất sắc trong phong trào thi đua “Lao động giỏi, lao động sáng tạo” năm {year} (nội dung mẫu)',
  'certificateTemplates.sample.decisionNumber': '01/QĐ-MẪU',
  'certificateTemplates.sample.signerName': 'Họ và tên người ký',
  'certificateTemplates.sample.serial': 'MAU-{year}-000000',
} as const;
