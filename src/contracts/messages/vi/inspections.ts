// Server messages of inspection and supervision (issue 9).
export const inspections = {
  'inspections.api.notSubordinate': 'Chỉ kiểm tra, giám sát được đơn vị cấp dưới của đơn vị mình.',
  'inspections.api.targetInactive': 'Đơn vị được kiểm tra đã giải thể hoặc sáp nhập.',
  'inspections.api.notPlanned': 'Cuộc kiểm tra đã thực hiện hoặc đã hủy, không thay đổi được nữa.',
  'inspections.api.conductedInFuture': 'Ngày kiểm tra không được sau ngày hôm nay.',
  'inspections.api.dueBeforeVisit': 'Hạn thực hiện kiến nghị thứ {n} phải từ ngày kiểm tra trở đi.',
  'inspections.api.recommendationClosed': 'Kiến nghị đã được thực hiện hoặc đã rút.',
  'inspections.api.doneOnInvalid': 'Ngày thực hiện phải từ ngày kiểm tra đến hôm nay.',
} as const;
