import type { certificateTemplates as vi } from '../vi/certificate-templates';

export const certificateTemplates: Record<keyof typeof vi, string> = {
  'certificateTemplates.api.colourNotInPalette': 'This colour is not in the allowed palette. Choose one from the list (gold, red, crimson, blue, navy, green, brown, purple, black) so the certificate stays readable.',
  'certificateTemplates.api.stale': 'Someone changed the template after you opened the page. Reload to see the latest template and edit again.',
  'certificateTemplates.api.orgInactive': 'The organisation is no longer active: its certificate template cannot be changed.',
  'certificateTemplates.default.issuerLine1Top': 'Vietnam General Confederation of Labour',
  'certificateTemplates.default.issuerLine2': 'Executive Committee of {org}',
  'certificateTemplates.file': 'Certificate template',
  'certificateTemplates.sample.recipientName': 'Sample Recipient',
  'certificateTemplates.sample.recipientUnit': 'Grassroots trade union (the recipient’s unit)',
  'certificateTemplates.sample.achievement': 'For outstanding achievements in the emulation movement in {year} (sample text)',
  'certificateTemplates.sample.decisionNumber': '01/QĐ-SAMPLE',
  'certificateTemplates.sample.signerName': 'Signer’s full name',
  'certificateTemplates.sample.serial': 'SAMPLE-{year}-000000',
} as const;
