import { EmptyState, PageHeader } from '../../components/ui';

/** Entry screen of this capability: an honest empty state until its data exists. */
export function DonationDayScreen() {
  return (
    <section>
      <PageHeader title="Ngày hiến máu" />
      <EmptyState title="Chưa có người đăng ký cho đợt này" action={<a className="button" href="#/nhap-danh-sach">Nhập danh sách</a>}>
        Vào ngày hiến máu: tìm nhanh người đến theo tên, số điện thoại hoặc CCCD; ghi nhận đã hiến (thể tích), hoãn hiến (lý do) và số giấy chứng nhận.
      </EmptyState>
    </section>
  );
}
