/** The shapes the import rules work on: a sheet as a grid of cells, fields, issues. */

/** One cell as read: its value (text already decoded to NFC Unicode) and what kind it was. */
export interface GridCell {
  /** Text, number or boolean as stored; a real date cell is given as `date` with v = serial or text. */
  v: string | number | boolean | null;
  /** ISO YYYY-MM-DD when the cell is a real date (a date-formatted number). */
  date?: string;
  /** A formula whose cached value is missing. */
  formulaNoValue?: boolean;
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
