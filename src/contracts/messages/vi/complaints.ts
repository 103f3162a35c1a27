// Server messages of complaints, denunciations and petitions about commendation (issue 9).
export const complaints = {
  'complaints.contactInvalid': 'Hãy ghi số điện thoại hoặc địa chỉ thư điện tử để cơ quan liên hệ lại.',
  'complaints.case.complaint': 'Đang giải quyết đơn khiếu nại',
  'complaints.case.denunciation': 'Đang giải quyết đơn tố cáo',
  'complaints.case.relinked': 'Đơn được chuyển sang người, đơn vị khác.',
  'complaints.api.rateLimitedHour': 'Mỗi địa chỉ chỉ gửi được {max} đơn trong một giờ. Hãy thử lại sau {minutes} phút.',
  'complaints.api.rateLimitedDay': 'Mỗi địa chỉ chỉ gửi được {max} đơn trong một ngày. Hãy thử lại vào ngày mai.',
  'complaints.api.learnedInFuture': 'Ngày nhận được hoặc biết được quyết định không được sau ngày hôm nay.',
  'complaints.api.receivedInFuture': 'Ngày nhận đơn không được sau ngày hôm nay.',
  'complaints.api.learnedAfterReceived': 'Ngày biết được quyết định không được sau ngày nhận đơn.',
  'complaints.api.oneSubject': 'Đơn chỉ nói về một người hoặc một đơn vị: hãy chọn một trong hai.',
  'complaints.api.linkOutside': 'Đề nghị, quyết định, người hoặc đơn vị được chọn không thuộc phạm vi của đơn vị giải quyết.',
  'complaints.api.closed': 'Đơn đã kết thúc, không thay đổi được nữa.',
  'complaints.api.notReceived': 'Chỉ thụ lý được đơn mới nhận, chưa xử lý.',
  'complaints.api.notAccepted': 'Đơn chưa được thụ lý nên chưa giải quyết được.',
  'complaints.api.acceptedOnInvalid': 'Ngày thụ lý phải từ ngày nhận đơn đến hôm nay.',
  'complaints.api.closedOnInvalid': 'Ngày kết thúc phải từ ngày nhận (hoặc thụ lý) đơn đến hôm nay.',
} as const;
