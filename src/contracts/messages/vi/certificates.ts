// Fixed labels printed on certificates (Giấy khen / Bằng khen); the issuer, recipient and
// achievement come from the decision.
export const certificates = {
  'certificates.api.none': 'Quyết định chưa ký nên chưa có giấy khen để in.',
  'certificates.nation': 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'certificates.motto': 'Độc lập - Tự do - Hạnh phúc',
  'certificates.title.GIAY_KHEN': 'GIẤY KHEN',
  'certificates.title.BANG_KHEN': 'BẰNG KHEN',
  'certificates.awardedTo': 'Tặng',
  'certificates.placeDate': '{place}, ngày {day} tháng {month} năm {year}',
  'certificates.decision': 'Quyết định số {number} ngày {date}',
  'certificates.serial': 'Số sổ: {serial}',
  'certificates.scanToVerify': 'Quét để xác thực',
  'certificates.verifyCode': 'Mã xác thực: {serial}',
  'certificates.revoked': 'ĐÃ THU HỒI',
  'certificates.documentTitle': '{title} ({count} bản)',
} as const;
