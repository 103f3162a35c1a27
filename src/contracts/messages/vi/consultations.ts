// Messages: public consultation (công khai, lấy ý kiến) — the API and the audit-facing texts.
export const consultations = {
  'consultations.contactInvalid': 'Cần ghi địa chỉ thư điện tử hoặc số điện thoại để cơ quan liên hệ lại với bạn.',
  'consultations.api.summaryPersonal':
    'Tóm tắt thành tích của {name} có nội dung giống {kind}: không được đăng thông tin cá nhân lên trang công khai. Hãy xóa nội dung đó rồi lưu lại.',
  'consultations.api.kind.CCCD': 'số căn cước công dân (12 chữ số)',
  'consultations.api.kind.PHONE': 'số điện thoại',
  'consultations.api.kind.EMAIL': 'địa chỉ thư điện tử',
  'consultations.api.duplicateNomination': 'Mỗi đề nghị chỉ được đưa vào danh sách một lần.',
  'consultations.api.notAvailable':
    'Có đề nghị không đưa được vào danh sách lấy ý kiến (chỉ đưa được đề nghị đơn vị đang giữ và đã chuyển Hội đồng Thi đua – Khen thưởng): {names}.',
  'consultations.api.alreadyConsulted': 'Đề nghị đang được lấy ý kiến trong một đợt khác chưa kết thúc: {names}.',
  'consultations.api.meetingInvalid': 'Phiên họp đã chọn không thuộc Hội đồng của đơn vị này hoặc đã kết thúc.',
  'consultations.api.startsInPast':
    'Ngày bắt đầu lấy ý kiến không được trước hôm nay ({today}): danh sách chỉ được tính là công khai kể từ ngày đăng. Hãy chọn hôm nay hoặc một ngày sau.',
  'consultations.api.startsInPastField': 'Không được trước hôm nay ({today}).',
  'consultations.api.tooLate':
    'Không thể lấy ý kiến về đề nghị Hội đồng Thi đua – Khen thưởng đang hoặc đã biểu quyết, hoặc đã có kết quả: {names}. Việc lấy ý kiến phải kết thúc trước khi biểu quyết.',
  'consultations.api.notStarted': 'Đợt lấy ý kiến này bắt đầu từ ngày {startsOn}: chưa nhận ý kiến.',
  'consultations.api.ended': 'Đợt lấy ý kiến này đã kết thúc ngày {endsOn}: không nhận thêm ý kiến.',
  'consultations.api.withdrawn': 'Đợt lấy ý kiến này đã bị thu hồi: không nhận ý kiến.',
  'consultations.api.alreadyWithdrawn': 'Đợt lấy ý kiến này đã được thu hồi trước đó.',
  'consultations.api.rateLimitedHour': 'Bạn đã gửi {max} ý kiến trong một giờ qua. Vui lòng thử lại sau {minutes} phút.',
  'consultations.api.rateLimitedDay': 'Bạn đã gửi {max} ý kiến trong 24 giờ qua. Vui lòng thử lại vào ngày mai.',
} as const;
