// Messages: Requests to respond, inboxes, distribution and reminders (cascade).
export const cascade = {
  'cascade.deadlinePast': 'Hạn trả lời ({deadline}) đã qua. Chọn một ngày từ hôm nay trở đi.',
  'cascade.unknownTarget': 'Không có đơn vị số hiệu {id} trong danh sách đơn vị phải thực hiện.',
  'cascade.targetOutsideSubtree': '{name} không trực thuộc đơn vị ban hành, không thể giao thực hiện.',
  'cascade.targetInactive': '{name} đã chấm dứt hoạt động hoặc sáp nhập, không thể giao thực hiện.',
  'cascade.noTargets': 'Chưa có đơn vị nào phải thực hiện. Chọn ít nhất một đơn vị trực thuộc.',
} as const;
