/** The shapes the import rules work on: a sheet as a grid of cells, fields, issues. */

/** One cell as read: its value (text already decoded to NFC Unicode) and what kind it was. */
export interface GridCell {
  /** Text, number or boolean as stored; a real date cell is given as `date` with v = serial or text. */
  v: string | number | boolean | null;
  /** ISO YYYY-MM-DD when the cell is a real date (a date-formatted number). */
  date?: string;
  /** A formula whose cached value is missing. */
  formulaNoValue?: boolean;
  /** The text was cut to the reader's field limit; this was its length (the preview shows a warning). */
  cut?: number;
}

export type GridRow = (GridCell | undefined)[];

export interface SheetGrid {
  name: string;
  hidden: boolean;
  /** rows[i] is Excel row i + 1 (CSV: line i + 1). */
  rows: (GridRow | undefined)[];
  /** The workbook counts dates from 1904 (old Mac Excel). */
  date1904: boolean;
}

export const FIELD_KEYS = [
  'stt', 'full_name', 'name_first', 'name_last', 'birth', 'birth_m', 'birth_f', 'gender', 'gender_m', 'gender_f',
  'national_id', 'phone', 'address', 'workplace', 'blood_group', 'prior_donations', 'last_donation', 'note',
  'birth_d', 'birth_mo', 'birth_y',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** Column index → field (or 'ignore'); keys are 0-based column indexes. */
export type ColumnMapping = Record<number, FieldKey | 'ignore'>;

export const FIELD_LABELS: Record<FieldKey | 'ignore', string> = {
  stt: 'Số thứ tự',
  full_name: 'Họ và tên',
  name_first: 'Họ đệm',
  name_last: 'Tên',
  birth: 'Ngày/năm sinh',
  birth_m: 'Ngày sinh (cột Nam)',
  birth_f: 'Ngày sinh (cột Nữ)',
  gender: 'Giới tính',
  gender_m: 'Đánh dấu Nam',
  gender_f: 'Đánh dấu Nữ',
  national_id: 'Số CCCD/CMND',
  phone: 'Số điện thoại',
  address: 'Địa chỉ',
  workplace: 'Đơn vị công tác / nghề nghiệp',
  blood_group: 'Nhóm máu',
  prior_donations: 'Số lần đã hiến',
  last_donation: 'Ngày hiến gần nhất',
  note: 'Ghi chú',
  birth_d: 'Ngày sinh (cột Ngày)',
  birth_mo: 'Tháng sinh (cột Tháng)',
  birth_y: 'Năm sinh (cột Năm)',
  ignore: 'Bỏ qua',
};

export type Severity = 'error' | 'warning' | 'info';

export interface RowIssue {
  field: FieldKey | 'row';
  /** 0-based column of the cell at fault, when there is one. */
  col?: number;
  severity: Severity;
  code: string;
  message: string;
}

/** A person's values after normalisation. */
export interface PersonValues {
  full_name: string | null;
  gender: 'M' | 'F' | null;
  /** YYYY-MM-DD or YYYY. */
  birth_date: string | null;
  national_id: string | null;
  phone: string | null;
  address: string | null;
  workplace: string | null;
  blood_group: string | null;
  prior_donations: number | null;
  note: string | null;
}

/** What a source row turned out to be, when it is not a person. */
export const IGNORED_KINDS = ['title', 'header', 'repeated_header', 'blank', 'stt_only', 'section', 'footer', 'total', 'sheet_skipped'] as const;
export type IgnoredKind = (typeof IGNORED_KINDS)[number];
export const LEDGER_KINDS = ['person', 'error', ...IGNORED_KINDS] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  person: 'người',
  error: 'dòng lỗi',
  title: 'dòng tiêu đề trên bảng',
  header: 'dòng tên cột',
  repeated_header: 'tên cột lặp lại',
  blank: 'dòng trống',
  stt_only: 'chỉ có số thứ tự',
  section: 'dòng nhóm',
  footer: 'chân trang',
  total: 'dòng tổng cộng',
  sheet_skipped: 'trang tính bỏ qua',
};

/**
 * One source row in the row ledger: every row of every sheet is exactly one entry (a row holding two
 * people printed side by side gives one entry per person, with `part`).
 */
export interface LedgerEntry {
  /** 1-based Excel row (CSV: line). */
  row: number;
  /** 1, 2… when one printed row holds several people (left and right blocks). */
  part?: number;
  kind: LedgerKind;
  /** Why the row was so classified (Vietnamese). */
  reason: string;
  /** The row's text, for ignored rows only (never for people). */
  text?: string;
  /** A warning the clerk must see: the row carries identity data but is ignored. */
  warning?: string;
  /** 0-based column at fault, for errors. */
  col?: number;
}
