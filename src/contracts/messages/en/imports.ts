import type { imports as vi } from '../vi/imports';
export const imports: Record<keyof typeof vi, string> = {
  'import.file.unsupported':
    'The file is not an Excel workbook (.xlsx). If you have a CSV, PDF or other file, please use the system template and save it as "Excel Workbook (.xlsx)".',
  'import.file.legacyOrEncrypted':
    'The file is in the Excel 97–2003 format (.xls) or is password-protected. Please open it in Excel, remove any password and save it as "Excel Workbook (.xlsx)".',
  'import.file.corrupt': 'The Excel file cannot be read: it is damaged or not a valid .xlsx workbook. Please open and re-save it in Excel, then try again.',
  'import.file.noWorksheet': 'The Excel file has no worksheet with data.',
  'import.file.empty': 'The file has no data rows (only a header row, or nothing at all).',
  'import.file.missingColumns': 'Required columns are missing: {columns}. Please use the system template.',
  'import.file.duplicateColumns': 'The header row repeats these columns: {columns}. Each column may appear only once.',
  'import.file.tooManyRows': 'The file has too many rows: at most {max} data rows can be imported at once. Please split the file.',
  'import.file.errorsTruncated': '{total} errors in total; only the first {shown} are shown.',

  'import.row.required': 'This value is required.',
  'import.row.tooLong': 'Too long: at most {max} characters.',
  'import.row.nameLength': 'The full name must have {min} to {max} characters.',
  'import.row.gender': 'Gender "{value}" is not valid: use Nam (male) or Nữ (female).',
  'import.row.dateFormat': 'Date "{value}" is not in the expected format: use dd/mm/yyyy, e.g. 15/03/1990.',
  'import.row.dateInvalid': 'Date "{value}" does not exist in the calendar.',
  'import.row.dateNumeric':
    'The date cell holds the number {value} instead of a date (the column is formatted as Text or Number). Format the column as Date, or re-enter the value as dd/mm/yyyy.',
  'import.row.dateTooEarly': 'Date "{value}" is not valid: the year must be {minYear} or later.',
  'import.row.birthDateFuture': 'The date of birth cannot be in the future.',
  'import.row.ageRange': 'The member must be between {min} and {max} years old (this date of birth gives {age}).',
  'import.row.joinedFuture': 'The union joining date cannot be in the future.',
  'import.row.joinedTooEarly': 'The union joining date must be at least {years} years after the date of birth (on or after {minDate}).',
  'import.row.cccdFormat': 'The citizen ID (CCCD) must have exactly 12 digits.',
  'import.row.cccdNumeric':
    'Citizen ID "{value}" is stored by Excel as a number, so its leading zero was lost. Format the Số CCCD column as Text and re-enter all 12 digits.',
  'import.row.yesNo': 'Value "{value}" is not valid: use Có (yes) or Không (no); blank means no.',
  'import.row.email': 'Email address "{value}" is not valid.',
  'import.row.phone': 'Phone number "{value}" is not valid: digits, a leading + and spaces only, {min} to {max} digits.',
  'import.row.phoneNumeric':
    'Phone number "{value}" is stored by Excel as a number, so a leading zero may have been lost. Format the Điện thoại column as Text and re-enter it.',
  'import.row.unitUnknown': 'Unit code "{value}" does not exist or is outside your scope.',
  'import.row.duplicateCccd': 'This citizen ID duplicates row {row}.',
  'import.row.duplicateMemberCode': 'This member code duplicates row {row}.',

  'import.sheet.members': 'Members',
  'import.sheet.guide': 'Guide',
  'import.sheet.info': 'Information',

  'import.guide.title': 'HOW TO FILL IN THE MEMBER LIST',
  'import.guide.note1':
    'Each row of the member sheet is one union member; row 1 is the header row: do not delete it or rename the columns (headers and the values Nam/Nữ, Có/Không stay in Vietnamese).',
  'import.guide.note2': 'Columns marked * are required. Columns may be reordered; columns not in the template are ignored.',
  'import.guide.note3': 'The sample row (Nguyễn Thị Ánh) is only an example: delete it before importing.',
  'import.guide.note4': 'Enter dates as dd/mm/yyyy (e.g. 15/03/1990). The date, CCCD and phone columns are formatted as Text so that Excel keeps the values unchanged.',
  'import.guide.note5':
    'A row whose citizen ID or member code matches an existing member updates that member; a row with neither always creates a new member.',
  'import.guide.note6': 'At most {max} rows per import. The whole file is checked first; data is saved only when no errors remain.',
  'import.guide.colHeader': 'Column',
  'import.guide.colRequired': 'Required',
  'import.guide.colRule': 'Rule',
  'import.guide.colExample': 'Example',
  'import.guide.yes': 'Yes',
  'import.guide.no': 'No',

  'import.column.memberCode': 'Member code in the system (at most {max} characters). Leave blank for a new member; fill in to update an existing one.',
  'import.column.fullName': 'Full name with Vietnamese diacritics, 2 to {max} characters.',
  'import.column.gender': 'Choose Nam (male) or Nữ (female).',
  'import.column.birthDate': 'Date of birth as dd/mm/yyyy. The member must be between 15 and 80 years old.',
  'import.column.cccd': 'Citizen ID (CCCD), exactly 12 digits (keep the leading zero). Optional but recommended to avoid duplicate people.',
  'import.column.unitCode': 'Code of the grassroots union / unit the member belongs to; it must be within your scope.',
  'import.column.position': 'Job title at the workplace (at most {max} characters).',
  'import.column.isLeader': 'Có (yes) for a leader or manager; blank or Không (no) otherwise.',
  'import.column.isDirectWorker': 'Có (yes) for a direct production or business worker; blank or Không (no) otherwise.',
  'import.column.joinedUnionOn': 'Date of joining the union as dd/mm/yyyy; at least 15 years after birth and not in the future.',
  'import.column.phone': 'Phone number: digits only (a leading + and spaces allowed), 8 to 15 digits.',
  'import.column.email': 'Email address.',
  'import.column.ethnicity': 'Ethnic group, e.g. Kinh, Tày, Thái (at most {max} characters).',

  'import.template.invalidTitle': 'Invalid value',
  'import.template.genderError': 'Choose Nam or Nữ.',
  'import.template.yesNoError': 'Choose Có or Không.',
  'import.template.datePrompt': 'Enter the date as dd/mm/yyyy, e.g. 15/03/1990.',
  'import.template.cccdPrompt': 'Enter all 12 digits, keeping the leading zero.',

  'import.export.title': 'Title',
  'import.export.filter': 'Filter',
  'import.export.generatedAt': 'Exported at',
  'import.export.rowCount': 'Number of members',
  'import.export.reimportNote':
    'The member sheet can be edited and imported again. The unit name and status columns are for reference only and are ignored on import.',
};
