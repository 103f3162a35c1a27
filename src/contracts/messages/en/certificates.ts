import type { certificates as vi } from '../vi/certificates';

export const certificates: Record<keyof typeof vi, string> = {
  'certificates.api.none': 'The decision is not signed: there are no certificates to print yet.',
  'certificates.nation': 'SOCIALIST REPUBLIC OF VIET NAM',
  'certificates.motto': 'Independence - Freedom - Happiness',
  'certificates.title.GIAY_KHEN': 'CERTIFICATE OF COMMENDATION',
  'certificates.title.BANG_KHEN': 'CERTIFICATE OF MERIT',
  'certificates.awardedTo': 'Awarded to',
  'certificates.placeDate': '{place}, {monthName} {dayNumber}, {year}',
  'certificates.decision': 'Decision No. {number} of {date}',
  'certificates.serial': 'Register No.: {serial}',
  'certificates.scanToVerify': 'Scan to verify',
  'certificates.verifyCode': 'Verification code: {serial}',
  'certificates.revoked': 'REVOKED',
  'certificates.documentTitle': '{title} ({count} copies)',
} as const;
