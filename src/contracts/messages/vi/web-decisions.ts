// Web: public verification of a certificate (/verify/:serial).
export const webDecisions = {
  'web.verify.title': 'Xác thực giấy khen, bằng khen',
  'web.verify.serial': 'Số sổ: {serial}',
  'web.verify.valid': 'Hợp lệ',
  'web.verify.revoked': 'Đã bị thu hồi',
  'web.verify.revokedOn': 'Đã bị thu hồi ngày {date}',
  'web.verify.notFound': 'Không tìm thấy giấy khen có số sổ này',
  'web.verify.notFoundHelp': 'Hãy kiểm tra lại số sổ in trên giấy khen. Giấy khen không có trong hệ thống có thể không do Vinh Danh cấp.',
  'web.verify.recipient': 'Người, tập thể được khen',
  'web.verify.award': 'Hình thức, danh hiệu',
  'web.verify.decision': 'Quyết định',
  'web.verify.decisionText': 'Số {number} ngày {date}',
  'web.verify.issuer': 'Đơn vị ban hành',
} as const;
