// Limits shared by forms and the server so both refuse the same input.
export const LIMITS = {
  nameMax: 200,
  codeMax: 40,
  textMax: 2000,
  reasonMin: 5,
  pageSizeDefault: 25,
  pageSizeMax: 200,
  importMaxBytes: 30 * 1024 * 1024,
  importMaxRows: 200_000,
  /** One evidence or dossier file (PDF, DOCX, XLSX, JPEG, PNG). */
  documentMaxBytes: 10 * 1024 * 1024,
  passwordMin: 10,
  usernameMax: 60,
  loginMaxFailures: 5,
  loginLockMinutes: 15,
  loginIpWindowMinutes: 15,
  loginIpMaxAttempts: 50,
  sessionDays: 7,
  /** Self-service password reset: link lifetime, and e-mails per IP and per account per hour. */
  passwordResetMinutes: 30,
  passwordResetIpPerHour: 10,
  passwordResetAccountPerHour: 3,
} as const;

/** CCCD (căn cước công dân) is exactly 12 digits. */
export const CCCD_PATTERN = /^\d{12}$/;
export const ORG_CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]*$/;
