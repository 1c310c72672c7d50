// How officials shorten and vary the words of an indicator: the abbreviations of government
// writing, the words that mean the same in a header, and the words that say what kind of number a
// column holds. Data, read by the header matcher (ingest/measureMatch.ts); written as people write
// them, normalised there (tone marks apart from the letters, so "hoá" and "hóa" agree).

/** Abbreviation (as written, any case) → what it stands for. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  DVCTT: 'dịch vụ công trực tuyến',
  DVCQG: 'dịch vụ công quốc gia',
  DVC: 'dịch vụ công',
  TTHC: 'thủ tục hành chính',
  CĐS: 'chuyển đổi số',
  CBCCVC: 'cán bộ, công chức, viên chức',
  CBCCVCNLĐ: 'cán bộ, công chức, viên chức, người lao động',
  CBCC: 'cán bộ, công chức',
  CCVC: 'công chức, viên chức',
  CQĐT: 'chính quyền điện tử',
  CQS: 'chính quyền số',
  TTĐT: 'thông tin điện tử',
  CTTĐT: 'cổng thông tin điện tử',
  ATTT: 'an toàn thông tin',
  HTX: 'hợp tác xã',
  DN: 'doanh nghiệp',
  DNNVV: 'doanh nghiệp nhỏ và vừa',
  BCĐ: 'ban chỉ đạo',
  UBND: 'ủy ban nhân dân',
  HĐND: 'hội đồng nhân dân',
  KTXH: 'kinh tế xã hội',
  CSDL: 'cơ sở dữ liệu',
  HTTT: 'hệ thống thông tin',
  CNTT: 'công nghệ thông tin',
  TMĐT: 'thương mại điện tử',
  MXH: 'mạng xã hội',
  BHXH: 'bảo hiểm xã hội',
  BHYT: 'bảo hiểm y tế',
  CCCD: 'căn cước công dân',
  HSSK: 'hồ sơ sức khỏe',
  HSSKĐT: 'hồ sơ sức khỏe điện tử',
  CNSCĐ: 'công nghệ số cộng đồng',
  TCNSCĐ: 'tổ công nghệ số cộng đồng',
  KTS: 'kinh tế số',
  XHS: 'xã hội số',
  VBĐT: 'văn bản điện tử',
  TDP: 'tổ dân phố',
  SXKD: 'sản xuất kinh doanh',
  HKD: 'hộ kinh doanh',
  KDTM: 'không dùng tiền mặt',
  TTKDTM: 'thanh toán không dùng tiền mặt',
  NSLĐ: 'năng suất lao động',
  GDĐT: 'giáo dục và đào tạo',
  TTTT: 'thông tin và truyền thông',
  ĐTDĐ: 'điện thoại di động',
  ĐTTM: 'điện thoại thông minh',
  SL: 'số lượng',
  TL: 'tỷ lệ',
};

/**
 * Words and phrases that mean the same in a header, each group read as its first member:
 * "xóm" is "thôn", "băng thông rộng" is "băng rộng".
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['thôn', 'xóm', 'bản', 'khối', 'tổ dân phố', 'ấp', 'buôn', 'làng', 'khu phố', 'thôn, tổ dân phố'],
  ['băng rộng', 'băng thông rộng'],
  [
    'tài khoản thanh toán',
    'tài khoản giao dịch thanh toán',
    'tài khoản giao dịch',
    'tài khoản ngân hàng',
  ],
  ['camera', 'mắt camera', 'camera giám sát'],
  ['điện thoại thông minh', 'smartphone'],
  ['thư điện tử', 'email', 'e-mail', 'hộp thư điện tử'],
  ['trực tuyến', 'online'],
  ['hộ', 'hộ gia đình', 'hộ dân'],
  ['người dân', 'dân số', 'dân cư'],
  ['tỷ lệ', 'tỉ lệ'],
  ['tỷ trọng', 'tỉ trọng'],
  ['chữ ký số', 'ký số'],
  ['một cửa điện tử', 'một cửa'],
  ['toàn trình', 'mức độ toàn trình'],
];

/** Words that hold a synonym's word but mean something else: never rewritten. */
export const COMPOUNDS = [
  'văn bản',
  'cơ bản',
  'phiên bản',
  'bản đồ',
  'bản sao',
  'làng nghề',
  'khối cơ quan',
  'khối lượng',
  'khối doanh nghiệp',
  'hộ kinh doanh',
  'hộ sản xuất',
  'hộ nghèo',
  'số hộ',
];

/** A header opening with these holds a rate (or share); "%" anywhere says the same. */
export const RATE_OPENERS = ['tỷ lệ', 'tỷ trọng', 'phần trăm', 'tốc độ tăng'];

/** A header opening with these holds a count. */
export const COUNT_OPENERS = ['tổng số lượng', 'tổng số', 'số lượng', 'số'];

/** "Số" that opens a compound, not a count: "Số hóa hồ sơ" is digitising. */
export const NOT_COUNTS = ['số hóa', 'số liệu', 'số điện thoại', 'số định danh'];

/** Units written in brackets after a count: "(người)", "(camera)"; not words of the quantity. */
export const COUNT_UNITS = [
  'người',
  'hộ',
  'cái',
  'chiếc',
  'mắt',
  'camera',
  'tổ',
  'điểm',
  'cột',
  'km',
  'km2',
  'm2',
  'ha',
  'tin',
  'tin bài',
  'bài',
  'lượt',
  'lần',
  'buổi',
  'lớp',
  'cuộc',
  'cuộc họp',
  'sự cố',
  'trạm',
  'thiết bị',
  'máy',
  'sản phẩm',
  'hồ sơ',
  'văn bản',
  'doanh nghiệp',
  'đơn vị',
  'tài khoản',
  'thuê bao',
  'hệ thống',
  'dịch vụ',
  'thủ tục',
  'đồng',
  'nghìn đồng',
  'triệu đồng',
  'tỷ đồng',
];

/** Words that say nothing of which quantity a header is. */
export const FILLER_WORDS = [
  'của',
  'và',
  'các',
  'những',
  'là',
  'đã',
  'được',
  'cho',
  'với',
  'theo',
  'tại',
  'ở',
  'trên',
  'trong',
  'năm',
  'đến',
  'từ',
  'có',
  'đạt',
  'hoặc',
  'về',
  'vào',
  'thực hiện',
  'tổng',
  'tổng cộng',
  'toàn xã',
  'toàn huyện',
  'toàn tỉnh',
  'địa bàn',
  'trên địa bàn',
];
