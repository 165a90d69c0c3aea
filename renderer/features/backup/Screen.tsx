import { EmptyState, PageHeader } from '../../components/ui';

/** Entry screen of this capability: an honest empty state until its data exists. */
export function BackupScreen() {
  return (
    <section>
      <PageHeader title="Sao lưu & cài đặt" />
      <EmptyState title="Chưa có bản sao lưu" action={<a className="button" href="#/tong-quan">Về Tổng quan</a>}>
        Sao lưu dữ liệu ra USB, khôi phục từ bản sao lưu, xem nhật ký thao tác và đặt mật khẩu mở ứng dụng.
      </EmptyState>
    </section>
  );
}
