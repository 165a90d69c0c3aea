import { EmptyState, PageHeader } from '../../components/ui';

/** Entry screen of this capability: an honest empty state until its data exists. */
export function DuplicatesScreen() {
  return (
    <section>
      <PageHeader title="Trùng lặp" />
      <EmptyState title="Chưa có trường hợp trùng lặp" action={<a className="button" href="#/nhap-danh-sach">Nhập danh sách</a>}>
        Sau khi nhập danh sách, những người đăng ký hai lần (ở hai tổ chức hoặc hai danh sách) sẽ hiện ở đây để so sánh và gộp.
      </EmptyState>
    </section>
  );
}
