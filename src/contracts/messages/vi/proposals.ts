// Server messages of "good person, good deed" proposals and the member portal (issue 9, item 4).
export const proposals = {
  'proposals.api.rateLimitedHour': 'Mỗi địa chỉ chỉ gửi được {max} đề xuất trong một giờ. Hãy thử lại sau {minutes} phút.',
  'proposals.api.rateLimitedDay': 'Mỗi địa chỉ chỉ gửi được {max} đề xuất trong một ngày. Hãy thử lại vào ngày mai.',
  'proposals.api.memberRateLimitedHour': 'Bạn đã gửi {max} đề xuất trong một giờ qua. Hãy gửi tiếp sau {minutes} phút.',
  'proposals.api.memberRateLimitedDay': 'Bạn đã gửi {max} đề xuất trong một ngày. Hãy gửi tiếp vào ngày mai.',
  'proposals.api.noPerson': 'Tài khoản của bạn chưa gắn với hồ sơ đoàn viên nào.',
  'proposals.api.contactMissing': 'Hãy ghi số điện thoại hoặc địa chỉ thư điện tử: hồ sơ của bạn chưa có.',
  'proposals.api.reviewed': 'Đề xuất đã được xem xét, không thay đổi được nữa.',
  'proposals.api.personOutside': 'Đoàn viên được chọn không thuộc đơn vị nhận đề xuất.',
  'proposals.api.nominationOutside': 'Hồ sơ đề nghị khen thưởng được chọn không có hoặc không thuộc phạm vi của đơn vị nhận đề xuất.',
  'proposals.api.nominationOtherPerson': 'Hồ sơ đề nghị khen thưởng được chọn là của người khác, không phải người được đề xuất.',
} as const;
