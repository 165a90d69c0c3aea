/** The navigation labels, as the clerk reads them (kept beside the e2e tests on purpose: a rename must be seen). */
export const ROUTE_LABELS = [
  'Tổng quan', 'Đợt hiến máu', 'Đơn vị & chỉ tiêu', 'Nhập danh sách', 'Trùng lặp',
  'Người hiến máu', 'Ngày hiến máu', 'In ấn', 'Sao lưu & cài đặt',
];
