// Member import / export (XLSX): file-level errors, row-level errors, template and export texts.
export const imports = {
  // Whole-file problems (ImportRowError with column = null).
  'import.file.unsupported':
    'Tệp không phải là tệp Excel (.xlsx). Nếu bạn có tệp CSV, PDF hoặc tệp khác, vui lòng dùng mẫu Excel của hệ thống và lưu dưới dạng "Sổ làm việc Excel (.xlsx)".',
  'import.file.legacyOrEncrypted':
    'Tệp là định dạng Excel 97–2003 (.xls) hoặc đã được đặt mật khẩu. Vui lòng mở tệp bằng Excel, bỏ mật khẩu (nếu có) rồi lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)".',
  'import.file.corrupt': 'Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng cấu trúc .xlsx. Vui lòng mở và lưu lại tệp bằng Excel rồi thử lại.',
  'import.file.noWorksheet': 'Tệp Excel không có trang tính nào chứa dữ liệu.',
  'import.file.empty': 'Tệp không có dòng dữ liệu nào (chỉ có dòng tiêu đề hoặc để trống).',
  'import.file.missingColumns': 'Thiếu cột bắt buộc: {columns}. Vui lòng dùng đúng mẫu tệp của hệ thống.',
  'import.file.duplicateColumns': 'Dòng tiêu đề có cột bị lặp lại: {columns}. Mỗi cột chỉ được xuất hiện một lần.',
  'import.file.tooManyRows': 'Tệp có quá nhiều dòng: mỗi lần chỉ nhập tối đa {max} dòng dữ liệu. Vui lòng chia nhỏ tệp.',
  'import.file.errorsTruncated': 'Có tổng cộng {total} lỗi; chỉ hiển thị {shown} lỗi đầu tiên.',

  // One cell of one row.
  'import.row.required': 'Không được để trống.',
  'import.row.tooLong': 'Quá dài: tối đa {max} ký tự.',
  'import.row.nameLength': 'Họ và tên phải có từ {min} đến {max} ký tự.',
  'import.row.gender': 'Giới tính "{value}" không hợp lệ: chỉ nhận Nam hoặc Nữ.',
  'import.row.dateFormat': 'Ngày "{value}" không đúng định dạng: hãy nhập dd/mm/yyyy, ví dụ 15/03/1990.',
  'import.row.dateInvalid': 'Ngày "{value}" không có thật trên lịch.',
  'import.row.dateNumeric':
    'Ô ngày đang chứa số {value} thay vì ngày (cột được định dạng Văn bản hoặc Số). Hãy định dạng cột là Ngày (Date) hoặc nhập lại dạng dd/mm/yyyy.',
  'import.row.dateTooEarly': 'Ngày "{value}" không hợp lệ: năm phải từ {minYear} trở đi.',
  'import.row.birthDateFuture': 'Ngày sinh không được ở tương lai.',
  'import.row.ageRange': 'Tuổi của đoàn viên phải từ {min} đến {max} (ngày sinh đang nhập cho {age} tuổi).',
  'import.row.joinedFuture': 'Ngày vào công đoàn không được ở tương lai.',
  'import.row.joinedTooEarly': 'Ngày vào công đoàn phải sau ngày sinh ít nhất {years} năm (từ {minDate} trở đi).',
  'import.row.cccdFormat': 'Số CCCD phải gồm đúng 12 chữ số.',
  'import.row.cccdNumeric':
    'Số CCCD "{value}" đang được Excel lưu dạng số nên đã mất chữ số 0 ở đầu. Hãy định dạng cột Số CCCD là Văn bản (Text) rồi nhập lại đủ 12 chữ số.',
  'import.row.yesNo': 'Giá trị "{value}" không hợp lệ: chỉ nhận Có hoặc Không (để trống là Không).',
  'import.row.email': 'Địa chỉ email "{value}" không hợp lệ.',
  'import.row.phone': 'Số điện thoại "{value}" không hợp lệ: chỉ gồm chữ số, dấu + ở đầu và khoảng trắng, từ {min} đến {max} chữ số.',
  'import.row.phoneNumeric':
    'Số điện thoại "{value}" đang được Excel lưu dạng số nên có thể đã mất chữ số 0 ở đầu. Hãy định dạng cột Điện thoại là Văn bản (Text) rồi nhập lại.',
  'import.row.unitUnknown': 'Mã đơn vị "{value}" không tồn tại hoặc ngoài phạm vi của bạn.',
  'import.row.duplicateCccd': 'Số CCCD trùng với dòng {row}.',
  'import.row.duplicateMemberCode': 'Mã đoàn viên trùng với dòng {row}.',

  // Sheet names of the template and the export.
  'import.sheet.members': 'Đoàn viên',
  'import.sheet.guide': 'Hướng dẫn',
  'import.sheet.info': 'Thông tin',

  // Template: "Hướng dẫn" sheet.
  'import.guide.title': 'HƯỚNG DẪN NHẬP DANH SÁCH ĐOÀN VIÊN',
  'import.guide.note1': 'Mỗi dòng trong trang "Đoàn viên" là một đoàn viên; dòng 1 là dòng tiêu đề, không xóa và không đổi tên cột.',
  'import.guide.note2': 'Các cột có dấu * là bắt buộc. Có thể đổi thứ tự cột; các cột khác ngoài mẫu sẽ được bỏ qua.',
  'import.guide.note3': 'Dòng ví dụ (Nguyễn Thị Ánh) chỉ để tham khảo: hãy xóa dòng này trước khi nhập.',
  'import.guide.note4': 'Ngày nhập dạng dd/mm/yyyy (ví dụ 15/03/1990). Các cột ngày, Số CCCD và Điện thoại đã được định dạng Văn bản để Excel không tự đổi giá trị.',
  'import.guide.note5':
    'Nếu dòng có Số CCCD hoặc Mã đoàn viên trùng với đoàn viên đã có, hệ thống sẽ cập nhật đoàn viên đó; nếu không có cả hai thông tin này, hệ thống luôn tạo đoàn viên mới.',
  'import.guide.note6': 'Mỗi lần nhập tối đa {max} dòng. Hệ thống kiểm tra toàn bộ tệp trước; chỉ khi không còn lỗi nào dữ liệu mới được ghi.',
  'import.guide.colHeader': 'Tên cột',
  'import.guide.colRequired': 'Bắt buộc',
  'import.guide.colRule': 'Quy tắc nhập',
  'import.guide.colExample': 'Ví dụ',
  'import.guide.yes': 'Có',
  'import.guide.no': 'Không',

  // Template: explanation of each column.
  'import.column.memberCode': 'Mã đoàn viên trong hệ thống (tối đa {max} ký tự). Để trống khi thêm đoàn viên mới; điền khi muốn cập nhật đoàn viên đã có.',
  'import.column.fullName': 'Họ và tên đầy đủ, có dấu, từ 2 đến {max} ký tự.',
  'import.column.gender': 'Chọn Nam hoặc Nữ.',
  'import.column.birthDate': 'Ngày sinh dạng dd/mm/yyyy. Tuổi của đoàn viên phải từ 15 đến 80.',
  'import.column.cccd': 'Số căn cước công dân gồm đúng 12 chữ số (giữ nguyên số 0 ở đầu). Không bắt buộc nhưng nên có để tránh trùng người.',
  'import.column.unitCode': 'Mã của công đoàn cơ sở / đơn vị nơi đoàn viên sinh hoạt; phải thuộc phạm vi bạn quản lý.',
  'import.column.position': 'Chức vụ chuyên môn tại nơi làm việc (tối đa {max} ký tự).',
  'import.column.isLeader': 'Có nếu là cán bộ lãnh đạo, quản lý; để trống hoặc Không nếu không phải.',
  'import.column.isDirectWorker': 'Có nếu là người lao động trực tiếp sản xuất, kinh doanh; để trống hoặc Không nếu không phải.',
  'import.column.joinedUnionOn': 'Ngày kết nạp vào công đoàn dạng dd/mm/yyyy; phải sau ngày sinh ít nhất 15 năm và không ở tương lai.',
  'import.column.phone': 'Số điện thoại, chỉ gồm chữ số (có thể có dấu + ở đầu và khoảng trắng), từ 8 đến 15 chữ số.',
  'import.column.email': 'Địa chỉ thư điện tử.',
  'import.column.ethnicity': 'Tên dân tộc, ví dụ Kinh, Tày, Thái (tối đa {max} ký tự).',

  // Template: data-validation prompts and errors.
  'import.template.invalidTitle': 'Giá trị không hợp lệ',
  'import.template.genderError': 'Chỉ chọn Nam hoặc Nữ.',
  'import.template.yesNoError': 'Chỉ chọn Có hoặc Không.',
  'import.template.datePrompt': 'Nhập ngày dạng dd/mm/yyyy, ví dụ 15/03/1990.',
  'import.template.cccdPrompt': 'Nhập đủ 12 chữ số, giữ số 0 ở đầu.',

  // Export: "Thông tin" sheet.
  'import.export.title': 'Tiêu đề',
  'import.export.filter': 'Điều kiện lọc',
  'import.export.generatedAt': 'Thời điểm xuất',
  'import.export.rowCount': 'Số đoàn viên',
  'import.export.reimportNote':
    'Trang "Đoàn viên" có thể sửa rồi nhập lại vào hệ thống. Các cột Tên đơn vị và Trạng thái chỉ để tham khảo và được bỏ qua khi nhập.',
} as const;
