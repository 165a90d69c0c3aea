import { useState } from 'react';
import { PageHeader } from '../../components/ui';
import { BackupPanel } from './BackupPanel';
import { LockPanel } from './LockPanel';
import { AuditPanel } from './AuditPanel';
import { PersonRequestPanel } from './PersonRequestPanel';
import { OfficePanel } from '../settings/OfficePanel';

const TABS = [
  ['backup', 'Sao lưu & khôi phục'],
  ['lock', 'Khoá ứng dụng'],
  ['audit', 'Nhật ký thao tác'],
  ['privacy', 'Yêu cầu xoá dữ liệu cá nhân'],
  ['office', 'Thông tin cơ quan'],
] as const;
type Tab = (typeof TABS)[number][0];

/** "Sao lưu & cài đặt": backups and restore, integrity check, app lock, audit log, privacy requests. */
export function BackupScreen() {
  const [tab, setTab] = useState<Tab>('backup');
  return (
    <section>
      <PageHeader title="Sao lưu & cài đặt" subtitle="Giữ an toàn dữ liệu nhiều năm của người hiến máu: sao lưu, khôi phục, khoá máy, nhật ký và yêu cầu xoá dữ liệu." />
      <div className="tabs" role="tablist">
        {TABS.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} onClick={() => setTab(id)}>{label}</button>
        ))}
      </div>
      {tab === 'backup' && <BackupPanel />}
      {tab === 'lock' && <LockPanel />}
      {tab === 'audit' && <AuditPanel />}
      {tab === 'privacy' && <PersonRequestPanel />}
      {tab === 'office' && <OfficePanel />}
    </section>
  );
}
