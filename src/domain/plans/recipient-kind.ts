// How a recipient line pasted from a paper plan is most likely delivered (see RECIPIENT_KINDS):
// "Các CĐCS" → every grassroots union below, "Website …" → the public pages, "Lưu: VP" → the archive
// copy; anything else is printed only until the user picks a unit for it.
import type { RecipientKind } from '../../contracts/plans';

export function guessRecipientKind(text: string): Exclude<RecipientKind, 'ORG'> {
  const t = text.normalize('NFC').trim().toLocaleLowerCase('vi');
  if (/^lưu\b|^lưu:/.test(t)) return 'ARCHIVE';
  if (/^(trang )?(website|cổng thông tin|trang thông tin)/.test(t)) return 'WEBSITE';
  if (/^(các|toàn thể các) (cđcs|công đoàn cơ sở|công đoàn trực thuộc)/.test(t)) return 'SUBORDINATES';
  return 'OTHER';
}
