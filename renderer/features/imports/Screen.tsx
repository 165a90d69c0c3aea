import { EmptyState, PageHeader } from '../../components/ui';

/** Entry screen of this capability: an honest empty state until its data exists. */
export function ImportsScreen() {
  return (
    <section>
      <PageHeader title="Nhập danh sách" />
      <EmptyState title="Chưa nhập danh sách nào" action={<a className="button" href="#/don-vi">Chuẩn bị danh sách đơn vị</a>}>
        Kéo thả các tệp Excel đơn vị gửi đến; ứng dụng sẽ tự tìm bảng, cột, làm sạch dữ liệu và cho xem trước từng dòng trước khi ghi.
      </EmptyState>
    </section>
  );
}
