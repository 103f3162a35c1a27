// Messages: the national work calendar (ngày nghỉ lễ, nghỉ bù, làm bù) and working-day deadlines.
export const workCalendar = {
  'workCalendar.dateOutOfRange': 'Ngày phải thuộc các năm từ 2000 đến 2100.',
  'workCalendar.workingDayNotWeekend':
    'Ngày {date} không phải thứ Bảy hay Chủ nhật nên không khai báo làm bù được: làm bù chỉ dành cho ngày nghỉ cuối tuần được chuyển thành ngày làm việc.',
  'workCalendar.dateTaken': 'Ngày {date} đã có trong lịch làm việc (“{name}”). Nếu ngày đó sai, hãy thu hồi nó trước rồi khai báo lại.',
  'workCalendar.alreadyRevoked': 'Ngày {date} (“{name}”) đã được thu hồi trước đó.',
  'workCalendar.kind.HOLIDAY': 'Ngày nghỉ',
  'workCalendar.kind.WORKING_DAY': 'Ngày làm bù',
  'workCalendar.source.LAW': 'Theo Bộ luật Lao động',
  'workCalendar.source.MANUAL': 'Do quản trị viên khai báo',
  'workCalendar.skipped.WEEKEND': 'Nghỉ cuối tuần',
  'workCalendar.skipped.HOLIDAY': 'Ngày nghỉ',
} as const;
