// Messages: the nominations core (working-day calendar, public holidays, round schedules).
export const nominations = {
  'nominations.date.invalid': 'Ngày “{value}” không hợp lệ (cần dạng năm-tháng-ngày, ví dụ 2025-04-30).',
  'nominations.days.invalid': 'Số ngày làm việc “{value}” không hợp lệ: phải là số nguyên không âm.',
  'nominations.calendar.weekendInvalid': 'Ngày nghỉ hằng tuần “{value}” không hợp lệ (0 = Chủ nhật … 6 = Thứ bảy).',
  'nominations.calendar.noWorkingDays': 'Lịch làm việc không còn ngày làm việc nào trong tuần.',
  'nominations.holidays.yearNotCovered': 'Chưa có lịch âm cho năm {year} (Vinh Danh có sẵn từ {from} đến {to}); vui lòng nhập ngày nghỉ lễ của năm này.',
  'nominations.schedule.noLevels': 'Đợt xét cần ít nhất một cấp xét.',
  'nominations.schedule.levelMissing': 'Cấp xét thứ {position} chưa có tên.',
  'nominations.schedule.duplicateLevel': 'Cấp {level} được khai báo hai lần.',
  'nominations.schedule.durationInvalid': 'Số ngày làm việc phải là số nguyên từ {min} đến {max} (đang là {value}).',
  'nominations.schedule.levelDurationInvalid': 'Cấp {level}: số ngày làm việc phải là số nguyên từ {min} đến {max} (đang là {value}).',
  'nominations.schedule.dateInvalid': 'Ngày “{value}” không hợp lệ (cần dạng năm-tháng-ngày).',
  'nominations.schedule.calendarInvalid': 'Lịch làm việc không hợp lệ nên chưa lập được tiến độ.',
  'nominations.schedule.startsInPast': 'Theo ngày tổ chức lễ, hồ sơ phải đến cấp {level} từ ngày {date}, trước hôm nay ({today}): cần lùi ngày lễ hoặc rút ngắn thời gian xét.',
  'nominations.schedule.deadlinePassed': 'Hạn gửi hồ sơ của cấp {level} ({date}) đã qua (hôm nay {today}).',
} as const;
