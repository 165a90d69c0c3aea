import { EmptyState, PageHeader } from '../../components/ui';

/** Entry screen of this capability: an honest empty state until its data exists. */
export function OverviewScreen() {
  return (
    <section>
      <PageHeader title="Tổng quan" />
      <EmptyState title="Chưa có số liệu để tổng hợp" action={<a className="button" href="#/nhap-danh-sach">Nhập danh sách đăng ký</a>}>
        Màn hình này sẽ cho thấy, theo từng đơn vị và toàn đợt: chỉ tiêu, số đăng ký, sau khi lọc trùng, số đã hiến, số hoãn và % chỉ tiêu, kèm biểu đồ. Để bắt đầu, hãy tạo đợt hiến máu, giao chỉ tiêu cho các đơn vị và nhập danh sách đăng ký.
      </EmptyState>
    </section>
  );
}
