/** The editable texts' starting points, worded after the real plans (seeds 000–004). */

export const PLACEHOLDER_HELP: Record<string, string> = {
  ten_dot: 'Tên đợt hiến máu (viết giữa câu)',
  ten_dot_nam: 'Tên đợt kèm năm, năm chỉ nói một lần',
  khau_hieu: 'Khẩu hiệu / chương trình',
  nam: 'Năm của đợt',
  ten_co_quan: 'Tên cơ quan ban hành (viết giữa câu)',
  co_quan_dia_phuong: 'Cơ quan ban hành kèm địa danh (… thành phố Lạng Sơn)',
  dia_ban: 'Địa bàn (thành phố Lạng Sơn)',
  co_quan_thuong_truc: 'Cơ quan Thường trực Ban Chỉ đạo (Hội Chữ thập đỏ …)',
  nhiem_vu_don_vi: 'Nhiệm vụ của từng đơn vị được giao chỉ tiêu (kế hoạch, mục V)',
  ke_hoach: 'Kế hoạch của đợt: số, ngày, cơ quan ban hành (báo cáo)',
  so_ke_hoach: 'Số kế hoạch của đợt (15/KH-HCTĐ)',
  dia_danh: 'Địa danh',
  chi_tieu_dang_ky: 'Chỉ tiêu người đăng ký',
  chi_tieu_don_vi_mau: 'Chỉ tiêu đơn vị máu',
  ngay_hien: 'Ngày hiến máu (17/6/2024)',
  thu: 'Thứ trong tuần của ngày hiến máu',
  gio: 'Giờ bắt đầu',
  dia_diem: 'Địa điểm',
  co_so_tiep_nhan: 'Cơ sở tiếp nhận máu',
  han_dang_ky: 'Hạn gửi danh sách đăng ký',
  tuoi_nam: 'Độ tuổi nam (18 - 60)',
  tuoi_nu: 'Độ tuổi nữ (18 - 55)',
  tong_dang_ky: 'Tổng số người đăng ký, đã lọc trùng (báo cáo)',
  tong_hien_tai_cho: 'Số người đến hiến tại chỗ (báo cáo)',
  ghi_chu_dang_ky: '“đã lọc trùng, kể cả … người đăng ký hiến tại chỗ” (báo cáo)',
  chi_tieu_giao: 'Tổng chỉ tiêu đơn vị máu dùng để tính tỷ lệ (báo cáo)',
  tong_da_hien: 'Tổng số người đã hiến máu (báo cáo)',
  tong_hoan: 'Số người tạm hoãn (báo cáo)',
  tong_ml: 'Tổng lượng máu, ml (báo cáo)',
  ty_le: 'Tỷ lệ đạt chỉ tiêu đơn vị máu (báo cáo)',
  so_don_vi_dat: 'Số đơn vị đạt chỉ tiêu (báo cáo)',
};

export const DEFAULT_PLAN_BODY = `I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Tuyên truyền, vận động các tầng lớp Nhân dân có đủ sức khỏe tích cực tham gia hiến máu tình nguyện (HMTN), đáp ứng đủ lượng máu cho cấp cứu và điều trị người bệnh;
- Thúc đẩy tinh thần nhân ái, hiến máu cứu người, xây dựng văn hóa, thói quen hiến máu nhắc lại thường xuyên với mỗi người trong cộng đồng;
- Nâng cao nhận thức, vai trò lãnh đạo, chỉ đạo của cấp ủy, chính quyền các cấp; thúc đẩy phong trào HMTN ở mỗi cơ quan, đơn vị bảo đảm đạt và vượt chỉ tiêu đề ra.
2. Yêu cầu
- Các hoạt động bảo đảm diễn ra an toàn, tiết kiệm và hiệu quả, đạt các chỉ tiêu đề ra.
II. THÔNG ĐIỆP
- Hiến máu cứu người - Một nghĩa cử cao đẹp.
- Hiến máu cứu người - Hãy hiến thường xuyên.
- Hiến giọt máu đào - Trao đời sự sống.
III. ĐỐI TƯỢNG, CHỈ TIÊU VẬN ĐỘNG
1. Đối tượng
Tất cả các đối tượng có đủ điều kiện sức khỏe đều được đăng ký và tham gia hiến máu:
- Nam: đủ {{tuoi_nam}} tuổi khỏe mạnh.
- Nữ: đủ {{tuoi_nu}} tuổi khỏe mạnh.
2. Chỉ tiêu
- Vận động {{chi_tieu_dang_ky}} người đăng ký tham gia hiến máu, phấn đấu tiếp nhận từ {{chi_tieu_don_vi_mau}} đơn vị máu trở lên.
- Phân bổ chỉ tiêu vận động hiến máu cho các cơ quan, ban, ngành, đoàn thể, đơn vị (*có biểu chỉ tiêu kèm theo*).
IV. THỜI GIAN, ĐỊA ĐIỂM TỔ CHỨC HIẾN MÁU
1. Thời gian: {{gio}} ngày {{ngay_hien}} ({{thu}})
2. Địa điểm: {{dia_diem}}
3. Thành phần: Cán bộ, công chức, viên chức, người lao động, đoàn viên, hội viên, lực lượng vũ trang và Nhân dân trên địa bàn {{dia_ban}}.
4. Đơn vị tiếp nhận máu: {{co_so_tiep_nhan}}
V. TỔ CHỨC THỰC HIỆN
1. {{co_quan_thuong_truc}} (*Cơ quan Thường trực Ban Chỉ đạo*)
- Tham mưu xây dựng Kế hoạch; là đầu mối phối hợp, liên hệ chặt chẽ với các cơ quan, ban, ngành, đoàn thể có liên quan trong việc triển khai thực hiện Kế hoạch.
- Phối hợp với {{co_so_tiep_nhan}} chuẩn bị tốt các điều kiện, phương tiện tiếp nhận máu.
- Theo dõi các cơ quan, đơn vị thực hiện Kế hoạch; tổng hợp danh sách các đơn vị đăng ký hiến máu; báo cáo kết quả hiến máu tình nguyện.
{{nhiem_vu_don_vi}}
Trên đây là Kế hoạch tổ chức {{ten_dot_nam}}.
Đề nghị các cơ quan, đơn vị lập danh sách đăng ký hiến máu (*theo mẫu gửi kèm*) gửi về cơ quan thường trực Ban Chỉ đạo (*{{co_quan_thuong_truc}}*) trước ngày **{{han_dang_ky}}**.
**Lưu ý: khi lập danh sách đăng ký tham gia hiến máu, các đơn vị cần rà soát kỹ lưỡng, tránh trường hợp 1 người có tên đăng ký trong 2 tổ chức.**`;

export const DEFAULT_PLAN_INTRO = `{{co_quan_dia_phuong}} xây dựng Kế hoạch tổ chức {{ten_dot_nam}} như sau:`;

export const DEFAULT_REPORT_NARRATIVE = `Thực hiện {{ke_hoach}} về việc tổ chức {{ten_dot_nam}}, {{ten_co_quan}} báo cáo kết quả như sau:
I. KẾT QUẢ THỰC HIỆN
Tổng số có {{tong_dang_ky}} người đăng ký tham gia hiến máu ({{ghi_chu_dang_ky}}); {{tong_da_hien}} người đã hiến máu, tiếp nhận được {{tong_da_hien}} đơn vị máu ({{tong_ml}} ml), đạt {{ty_le}} chỉ tiêu giao ({{tong_da_hien}}/{{chi_tieu_giao}} đơn vị máu); {{tong_hoan}} người tạm hoãn hiến máu. Có {{so_don_vi_dat}} đơn vị đạt và vượt chỉ tiêu.
Kết quả cụ thể của từng đơn vị tại biểu kèm theo.
II. ĐÁNH GIÁ CHUNG
- Công tác tuyên truyền, vận động được các cơ quan, đơn vị quan tâm triển khai; ngày hội diễn ra an toàn, đúng kế hoạch.
Trên đây là báo cáo kết quả tổ chức {{ten_dot_nam}}.`;

export const DEFAULT_PLAN_RECIPIENTS = [
  'TT BCĐ VĐ hiến máu tình nguyện tỉnh (b/c)',
  'TT Cấp ủy (b/c)',
  'TT HĐND (b/c)',
  'CT, các PCT UBND',
  'Các thành viên Ban Chỉ đạo',
  'Các phòng, ban, ngành, đoàn thể',
  'Các đơn vị được giao chỉ tiêu hiến máu',
  'Ban vận động HMTN phường, xã',
  'Cơ sở tiếp nhận máu',
  'Trang thông tin điện tử',
];

export const DEFAULT_REPORT_RECIPIENTS = ['TT BCĐ VĐ hiến máu tình nguyện tỉnh (b/c)', 'TT Cấp ủy, HĐND, UBND (b/c)', 'Các thành viên Ban Chỉ đạo', 'Các đơn vị được giao chỉ tiêu hiến máu'];

export const DEFAULT_INVITATION_BODY = `{{ten_co_quan}} trân trọng kính mời {{nguoi_nhan}} tham gia {{ten_dot_nam}}.
Thời gian: {{gio}} ngày {{ngay_hien}} ({{thu}}).
Địa điểm: {{dia_diem}}.
Đề nghị mang theo Căn cước hoặc giấy tờ tùy thân có ảnh; ăn nhẹ, không uống rượu bia trước khi hiến máu.
Rất mong sự tham gia của {{nguoi_nhan}}./.`;
