// Web: public verification of a certificate (/verify/:serial).
import type { webDecisions as vi } from '../vi/web-decisions';

export const webDecisions: Record<keyof typeof vi, string> = {
  'web.verify.title': 'Certificate verification',
  'web.verify.serial': 'Serial: {serial}',
  'web.verify.valid': 'Valid',
  'web.verify.revoked': 'Revoked',
  'web.verify.revokedOn': 'Revoked on {date}',
  'web.verify.notFound': 'No certificate has this serial',
  'web.verify.notFoundHelp': 'Check the serial printed on the certificate. A certificate missing here may not have been issued through Vinh Danh.',
  'web.verify.recipient': 'Awarded to',
  'web.verify.award': 'Award',
  'web.verify.decision': 'Decision',
  'web.verify.decisionText': 'No. {number} of {date}',
  'web.verify.issuer': 'Issued by',
};
