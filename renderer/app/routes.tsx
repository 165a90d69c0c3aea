import type { ComponentType } from 'react';
import { OverviewScreen } from '../features/overview/Screen';
import { CampaignsScreen } from '../features/campaigns/Screen';
import { UnitsQuotasScreen } from '../features/units/Screen';
import { ImportsScreen } from '../features/imports/Screen';
import { DuplicatesScreen } from '../features/duplicates/Screen';
import { DonorsScreen } from '../features/donors/Screen';
import { DonationDayScreen } from '../features/donation-day/Screen';
import { DocumentsScreen } from '../features/documents/Screen';
import { BackupScreen } from '../features/backup/Screen';

export interface Route {
  path: string;
  label: string;
  icon: string;
  Screen: ComponentType;
}

/** The screens, in the order of the clerk's year. */
export const ROUTES: Route[] = [
  { path: 'tong-quan', label: 'Tổng quan', icon: '▦', Screen: OverviewScreen },
  { path: 'dot-hien-mau', label: 'Đợt hiến máu', icon: '◷', Screen: CampaignsScreen },
  { path: 'don-vi', label: 'Đơn vị & chỉ tiêu', icon: '⌂', Screen: UnitsQuotasScreen },
  { path: 'nhap-danh-sach', label: 'Nhập danh sách', icon: '⇪', Screen: ImportsScreen },
  { path: 'trung-lap', label: 'Trùng lặp', icon: '⇄', Screen: DuplicatesScreen },
  { path: 'nguoi-hien-mau', label: 'Người hiến máu', icon: '♥', Screen: DonorsScreen },
  { path: 'ngay-hien-mau', label: 'Ngày hiến máu', icon: '✚', Screen: DonationDayScreen },
  { path: 'in-an', label: 'In ấn', icon: '▤', Screen: DocumentsScreen },
  { path: 'sao-luu', label: 'Sao lưu & cài đặt', icon: '⛁', Screen: BackupScreen },
];
