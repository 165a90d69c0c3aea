/**
 * The audit log in the clerk's words: a Vietnamese label for every action code the services write,
 * and the filter groups of "Nhật ký thao tác" (each group = the action prefixes it covers).
 */

const EXACT: Record<string, string> = {
  'backup.auto': 'Tự động sao lưu',
  'backup.manual': 'Sao lưu',
  'backup.restore': 'Khôi phục dữ liệu',
  'campaign.create': 'Tạo đợt hiến máu',
  'campaign.update': 'Sửa đợt hiến máu',
  'campaign.copy': 'Sao chép đợt hiến máu',
  'certificates.issue': 'Ghi sổ số phôi giấy chứng nhận',
  'certificates.void': 'Huỷ số phôi giấy chứng nhận',
  'certificates.unissue': 'Trả lại số phôi chưa in được',
  'documents.certificateLayout': 'Chỉnh vị trí in giấy chứng nhận',
  'documents.issue': 'Cấp số văn bản',
  'documents.unissue': 'Trả lại số văn bản chưa in được',
  'documents.print': 'Phát hành văn bản',
  'documents.templates': 'Sửa mẫu văn bản',
  'donation.donated': 'Ghi nhận đã hiến máu',
  'donation.deferred': 'Ghi nhận hoãn hiến',
  'donation.arrived': 'Ghi nhận đã đến',
  'donation.clear': 'Xoá kết quả hiến máu',
  'donors.export-eligible': 'Xuất danh sách đủ điều kiện hiến lại',
  'donor.reserve.add': 'Đánh dấu người hiến dự bị',
  'donor.reserve.remove': 'Bỏ đánh dấu người hiến dự bị',
  'duplicates.bulkMerge': 'Gộp hàng loạt người trùng',
  'duplicates.credit': 'Chọn đơn vị được tính chỉ tiêu',
  'duplicates.creditRule': 'Đổi quy tắc tính chỉ tiêu',
  'duplicates.decide.not_same': 'Xác nhận không phải cùng một người',
  'duplicates.decide.deferred': 'Để sau cặp nghi trùng',
  'duplicates.decide.clear': 'Bỏ quyết định về cặp nghi trùng',
  'duplicates.exportFeedback': 'Xuất phản hồi trùng lặp cho đơn vị',
  'duplicates.merge': 'Gộp người trùng',
  'duplicates.undoMerge': 'Hoàn tác gộp người trùng',
  'export.save': 'Lưu tệp có dữ liệu cá nhân',
  'export.print': 'In văn bản có dữ liệu cá nhân',
  'honour.propose': 'Đề nghị vinh danh',
  'import.commit': 'Nhập danh sách',
  'import.undo': 'Hoàn tác nhập danh sách',
  'lock.enable': 'Bật khoá ứng dụng',
  'lock.change': 'Đổi mật khẩu khoá ứng dụng',
  'lock.disable': 'Tắt khoá ứng dụng',
  'person.correct': 'Sửa thông tin người theo yêu cầu',
  'person.delete': 'Xoá người theo yêu cầu',
  'person.anonymise': 'Ẩn danh người theo yêu cầu',
  'progress.export': 'Xuất bảng tiến độ',
  'quotas.save': 'Lưu chỉ tiêu',
  'quotas.export': 'Xuất bảng chỉ tiêu',
  'registration.walk-in': 'Đăng ký hiến tại chỗ',
  'results.import': 'Nhập kết quả của cơ sở tiếp nhận máu',
  'settings.milestones': 'Đổi các mốc vinh danh',
  'settings.office': 'Sửa thông tin cơ quan',
  'unit.create': 'Thêm đơn vị',
  'unit.update': 'Sửa đơn vị',
  'unit.move': 'Chuyển đơn vị',
  'unit.archive': 'Lưu trữ đơn vị',
  'unit.unarchive': 'Dùng lại đơn vị',
  'unit.import': 'Nhập danh sách đơn vị',
  'quotas.import': 'Nhập bảng chỉ tiêu',
  'donation.record': 'Ghi nhận kết quả hiến máu',
  'donor.reserve': 'Người hiến dự bị',
  'duplicates.match': 'Tìm người trùng',
  'duplicates.decide': 'Quyết định về cặp nghi trùng',
  'duplicates.undoBulkMerge': 'Hoàn tác gộp hàng loạt',
  'person.erase': 'Xoá / ẩn danh người theo yêu cầu',
  'results.resolve': 'Xác định dòng kết quả cần xem',
  'results.keepDesk': 'Giữ kết quả đã ghi tại bàn',
  'results.confirmSingles': 'Xác nhận các dòng kết quả chỉ có một người khớp',
};

const PREFIX: [string, string][] = [
  ['backup.', 'Sao lưu'],
  ['campaign.', 'Đợt hiến máu'],
  ['certificates.', 'Giấy chứng nhận'],
  ['documents.', 'Văn bản'],
  ['donation.', 'Ngày hiến máu'],
  ['donor', 'Người hiến máu'],
  ['duplicates.decide.', 'Quyết định về cặp nghi trùng'],
  ['duplicates.', 'Trùng lặp'],
  ['export', 'Xuất dữ liệu'],
  ['honour', 'Vinh danh'],
  ['import', 'Nhập danh sách'],
  ['lock.', 'Khoá ứng dụng'],
  ['person.', 'Người hiến máu'],
  ['quotas.', 'Chỉ tiêu'],
  ['registration.', 'Đăng ký'],
  ['results.', 'Kết quả hiến máu'],
  ['settings.', 'Cài đặt'],
  ['unit.', 'Đơn vị'],
  // Written by the action policy (electron/services/policy/actions.ts) for a change no service described.
  ['change.cli:', 'Thay đổi dữ liệu bằng dòng lệnh'],
  ['change.', 'Thay đổi dữ liệu'],
];

/** 'documents.print' → 'Phát hành văn bản'; an unknown code gets its group's name, never the bare code. */
export function auditActionLabel(action: string): string {
  return EXACT[action] ?? PREFIX.find(([p]) => action.startsWith(p))?.[1] ?? 'Thao tác khác';
}

export interface AuditCategory {
  key: string;
  label: string;
  /** Action prefixes (an exact code is a prefix of itself). */
  prefixes: string[];
}

/** The filter of "Nhật ký thao tác". */
export const AUDIT_CATEGORIES: AuditCategory[] = [
  { key: 'import', label: 'Nhập danh sách', prefixes: ['import.'] },
  { key: 'duplicates', label: 'Gộp / tách trùng lặp', prefixes: ['duplicates.'] },
  { key: 'day', label: 'Ngày hiến máu và kết quả', prefixes: ['donation.', 'registration.', 'results.'] },
  { key: 'people', label: 'Sửa / xoá người', prefixes: ['person.', 'donor.'] },
  { key: 'print', label: 'In và phát hành văn bản', prefixes: ['documents.print', 'documents.issue', 'documents.unissue', 'certificates.', 'export.print'] },
  {
    key: 'export',
    label: 'Xuất dữ liệu cá nhân (lưu tệp, in)',
    prefixes: ['export.', 'donors.export', 'duplicates.exportFeedback', 'progress.export', 'quotas.export', 'documents.print'],
  },
  { key: 'honour', label: 'Vinh danh', prefixes: ['honour.', 'settings.milestones'] },
  { key: 'backup', label: 'Sao lưu / khôi phục', prefixes: ['backup.'] },
  { key: 'setup', label: 'Đơn vị, đợt, chỉ tiêu, cài đặt', prefixes: ['unit.', 'campaign.', 'quotas.save', 'settings.', 'documents.templates', 'documents.certificateLayout'] },
  { key: 'lock', label: 'Khoá ứng dụng', prefixes: ['lock.'] },
  { key: 'other', label: 'Thay đổi dữ liệu khác', prefixes: ['change.'] },
];

export function auditCategory(key: string | null | undefined): AuditCategory | null {
  return AUDIT_CATEGORIES.find((c) => c.key === key) ?? null;
}

const BACKUP_REASONS: Record<string, string> = {
  import: 'trước khi nhập danh sách',
  results: 'trước khi nhập kết quả hiến máu',
  merge: 'trước khi gộp trùng lặp',
  daily: 'hằng ngày',
  manual: 'sao lưu thủ công',
  'before-restore': 'trước khi khôi phục',
  'before-erase': 'trước khi xoá dữ liệu',
};

/** Why an automatic backup was made, in the clerk's words ('daily' → 'hằng ngày'). */
export function backupReasonLabel(reason: string): string {
  if (reason.startsWith('migration')) return 'trước khi nâng cấp dữ liệu';
  return BACKUP_REASONS[reason] ?? 'tự động';
}
