/**
 * Vietnamese messages for values a channel's schema refused, naming the field the way the forms
 * label it ("Ngày hiến máu thứ 1", not "donationDates.0"). Pure: used by the dispatcher (and by any
 * service that validates), never shows a key, a zod code or English to the clerk.
 */

/** Field key (last path segment, or a dotted path for the ambiguous ones) → the label on screen. */
export const FIELD_LABELS: Record<string, string> = {
  // office and signer (first run, "Thông tin cơ quan")
  officeName: 'Tên cơ quan ban hành văn bản',
  parentBody: 'Cơ quan cấp trên',
  placeName: 'Địa danh ghi trên văn bản',
  signerName: 'Họ và tên người ký',
  signerTitle: 'Chức vụ người ký',
  signerAuthority: 'Thẩm quyền ký',
  docSuffix: 'Ký hiệu văn bản',
  signer: 'Người ký',
  // campaign
  campaignName: 'Tên đợt',
  slogan: 'Thông điệp / khẩu hiệu',
  planNumber: 'Số kế hoạch',
  legalBases: 'Căn cứ',
  registrationDeadline: 'Hạn gửi danh sách đăng ký',
  donationDates: 'Ngày hiến máu',
  donationTime: 'Giờ',
  place: 'Địa điểm',
  bloodFacility: 'Cơ sở tiếp nhận máu',
  targetRegistrants: 'Chỉ tiêu người đăng ký',
  targetBloodUnits: 'Chỉ tiêu đơn vị máu',
  ageMinMale: 'Nam: từ tuổi',
  ageMaxMale: 'Nam: đến tuổi',
  ageMinFemale: 'Nữ: từ tuổi',
  ageMaxFemale: 'Nữ: đến tuổi',
  minIntervalDays: 'Khoảng cách tối thiểu giữa hai lần hiến (ngày)',
  'gift.250': 'Quà tặng 250 ml',
  'gift.350': 'Quà tặng 350 ml',
  'gift.450': 'Quà tặng 450 ml',
  travel: 'Hỗ trợ đi lại',
  meal: 'Hỗ trợ ăn nhẹ',
  // units and quotas
  'unit.name': 'Tên đơn vị',
  kind: 'Loại đơn vị',
  parentId: 'Thuộc đơn vị',
  unitId: 'Đơn vị',
  newUnitName: 'Tên đơn vị mới',
  registrants: 'Chỉ tiêu người đăng ký',
  bloodUnits: 'Chỉ tiêu đơn vị máu',
  // people
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  nationalId: 'Số CCCD/CMND',
  phone: 'Điện thoại',
  address: 'Địa chỉ',
  workplace: 'Nơi làm việc',
  bloodGroup: 'Nhóm máu',
  note: 'Ghi chú',
  // donation day
  volumeMl: 'Lượng máu hiến',
  reason: 'Lý do hoãn',
  certificateSerial: 'Số phôi giấy chứng nhận',
  // files
  'files.name': 'Tên tệp',
  'file.name': 'Tên tệp',
  dataBase64: 'Nội dung tệp',
  files: 'Tệp',
  file: 'Tệp',
  listDate: 'Ngày của danh sách',
  // documents
  issuedOn: 'Ngày ghi trên văn bản',
  subject: 'Trích yếu',
  intro: 'Đoạn mở đầu',
  body: 'Nội dung',
  recipients: 'Nơi nhận',
  startSerial: 'Số phôi bắt đầu',
  printerName: 'Tên máy in',
  // settings, lock, backup
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  idleMinutes: 'Tự khoá sau (phút không dùng)',
  milestones: 'Các mốc vinh danh',
  folder: 'Thư mục lưu bản sao',
  dir: 'Thư mục lưu bản sao',
  query: 'Nội dung tìm',
  q: 'Nội dung tìm',
  asOf: 'Tính đến ngày',
  confirm: 'Ô xác nhận',
};

/** Keys whose label depends on the form (the channel): "name" is a campaign's, a unit's, a signer's… */
const CHANNEL_LABELS: Record<string, Record<string, string>> = {
  campaigns: { name: 'Tên đợt / chương trình' },
  'campaigns:copy': { name: 'Tên đợt mới' },
  units: { name: 'Tên đơn vị', shortName: 'Tên viết tắt', grouping: 'Cụm / nhóm' },
  documents: { name: 'Họ và tên người ký', title: 'Chức vụ người ký' },
};

/** The label of a schema path: ['donationDates', 0] → 'Ngày hiến máu thứ 1'; ['files', 2, 'name'] → 'Tên tệp thứ 3'. */
export function fieldLabel(path: readonly PropertyKey[], channel?: string): string | null {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const indexes = path.filter((p): p is number => typeof p === 'number');
  if (!keys.length) return null;
  const last = keys[keys.length - 1];
  const twoLast = keys.length > 1 ? `${keys[keys.length - 2]}.${last}` : null;
  const byChannel = channel ? (CHANNEL_LABELS[channel] ?? CHANNEL_LABELS[channel.split(':')[0]]) : undefined;
  const own = keys.length === 1 ? byChannel?.[last] : keys.length === 2 && keys[0] === 'signer' ? CHANNEL_LABELS.documents[last] : undefined;
  const label = own ?? (twoLast && FIELD_LABELS[twoLast]) ?? FIELD_LABELS[last] ?? null;
  if (!label) return null;
  return indexes.length && Array.isArray(path) ? `${label} thứ ${indexes[indexes.length - 1] + 1}` : label;
}

/** A zod issue, as much as we need of it (zod 4 shape; also fine with zod 3's). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message?: string;
  origin?: string;
  type?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  input?: unknown;
  format?: string;
}

const isVietnamese = (s: string | undefined): s is string => !!s && /[^\x00-\x7f]/.test(s);
const q = (l: string) => `“${l}”`;
const num = (n: number | bigint | undefined) => new Intl.NumberFormat('vi-VN').format(Number(n ?? 0));

/** One issue → one Vietnamese sentence naming the field. */
export function issueMessage(issue: IssueLike, channel?: string): string {
  const label = fieldLabel(issue.path, channel);
  const dateFormat = (issue.code === 'invalid_format' || issue.code === 'invalid_string') && !!label && /ngày|hạn/i.test(label);
  // a message the schema wrote in Vietnamese already says what to do
  if (isVietnamese(issue.message) && !dateFormat) return label && !issue.message.includes(label) && issue.code !== 'custom' ? `${q(label)}: ${issue.message}` : issue.message;
  const L = label ? q(label) : 'Một ô';
  const origin = issue.origin ?? issue.type;
  const isFile = !!label && label.startsWith('Tên tệp');
  switch (issue.code) {
    case 'too_small':
      if (origin === 'string') return Number(issue.minimum) <= 1 ? `Hãy nhập ${label ? q(label) : 'đủ các ô bắt buộc'}.` : `${L} cần ít nhất ${num(issue.minimum)} ký tự.`;
      if (origin === 'array' || origin === 'set') return Number(issue.minimum) <= 1 ? `Hãy chọn hoặc nhập ít nhất một ${label ? q(label) : 'mục'}.` : `${L} cần ít nhất ${num(issue.minimum)} mục.`;
      return `${L} phải từ ${num(issue.minimum)} trở lên.`;
    case 'too_big':
      if (origin === 'string') {
        return isFile
          ? `Tên tệp dài quá (tối đa ${num(issue.maximum)} ký tự). Hãy đổi tên tệp cho ngắn hơn rồi chọn lại.`
          : `${L} dài quá: tối đa ${num(issue.maximum)} ký tự.`;
      }
      if (origin === 'array' || origin === 'set') return `${L} nhiều quá: tối đa ${num(issue.maximum)} mục.`;
      return `${L} tối đa là ${num(issue.maximum)}.`;
    case 'invalid_type':
      // zod 4 leaves `input` out of issues: its (English) message says what was received
      if ('input' in issue ? issue.input === undefined || issue.input === null : /received (undefined|null)/.test(issue.message ?? '')) {
        return `Hãy nhập ${label ? q(label) : 'đủ các ô bắt buộc'}.`;
      }
      if (issue.expected === 'number' || issue.expected === 'int') return `${L} phải là một số.`;
      return `${L} không đúng dạng.`;
    case 'invalid_format':
    case 'invalid_string':
      if (label && /ngày|hạn/i.test(label)) return `${L} phải là một ngày có thật, dạng ngày/tháng/năm (ví dụ 28/05/2026).`;
      return `${L} không đúng dạng.`;
    case 'invalid_value':
    case 'invalid_enum_value':
    case 'invalid_literal':
      return `${L} chỉ nhận một trong các lựa chọn có sẵn. Hãy chọn lại.`;
    case 'not_multiple_of':
      return `${L} phải là số nguyên.`;
    default:
      return `${L} không hợp lệ. Hãy kiểm tra lại.`;
  }
}

/** A whole validation failure: the first issue's sentence (the form shows the field; one thing at a time). */
export function validationMessage(issues: readonly IssueLike[], channel?: string): string {
  const first = issues[0];
  return first ? issueMessage(first, channel) : 'Dữ liệu nhập chưa đúng. Hãy kiểm tra lại.';
}
