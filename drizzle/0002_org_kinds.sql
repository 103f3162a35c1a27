-- Default organisation kinds. Kinds are data: an installation can add more (e.g. for a new level)
-- without a code change. rank orders kinds top-down; a child's kind must rank below its parent's.
INSERT INTO org_kind (code, name_vi, name_en, rank, holds_members) VALUES
  ('TLD',          'Tổng Liên đoàn Lao động Việt Nam',          'Vietnam General Confederation of Labour', 10, false),
  ('LDLD_TINH',    'Liên đoàn Lao động tỉnh, thành phố',        'Provincial Federation of Labour',          20, true),
  ('CD_NGANH_TW',  'Công đoàn ngành Trung ương',                'Central sectoral union',                   20, true),
  ('LDLD_HUYEN',   'Liên đoàn Lao động huyện',                  'District Federation of Labour',            30, true),
  ('CD_NGANH_DP',  'Công đoàn ngành địa phương',                'Local sectoral union',                     30, true),
  ('CD_KCN',       'Công đoàn các khu công nghiệp',             'Industrial-zone union',                    30, true),
  ('CD_XA_PHUONG', 'Công đoàn xã, phường, đặc khu',             'Commune or ward union',                    30, true),
  ('CDCS',         'Công đoàn cơ sở',                           'Grassroots union',                         40, true),
  ('NGHIEP_DOAN',  'Nghiệp đoàn cơ sở',                         'Grassroots trade syndicate',               40, true),
  ('CD_BO_PHAN',   'Công đoàn bộ phận',                         'Union section',                            50, true),
  ('TO_CD',        'Tổ công đoàn',                              'Union group',                              60, true)
ON CONFLICT (code) DO NOTHING;
