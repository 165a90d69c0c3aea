/** Limits that keep a hostile or broken file from exhausting memory or freezing the app. */
export const IMPORT_LIMITS = {
  /** Largest file accepted, as received. */
  maxFileBytes: 60 * 1024 * 1024,
  /** Largest total uncompressed size of an .xlsx's parts: a hard cap on the bytes actually inflated. */
  maxUncompressedBytes: 256 * 1024 * 1024,
  /** Largest total uncompressed size handed to exceljs's full workbook model (units, quotas, results, small lists). */
  maxFullLoadBytes: 32 * 1024 * 1024,
  /** Largest ratio uncompressed/compressed, for a part above 1 MB and for the whole file (zip bombs reach thousands). */
  maxRatio: 200,
  /** Largest number of parts in the zip. */
  maxEntries: 10_000,
  /** Excel itself stores at most 32,767 characters in a cell. */
  maxCellChars: 32_767,
  /** Used range accepted per sheet. */
  maxRows: 500_000,
  maxCols: 1_000,
  /** Cells with a value accepted in one file (a 100,000-row list of 15 columns has 1.5 million). */
  maxCells: 6_000_000,
  /** Merged cells accepted per sheet (exceljs creates every one of them). */
  maxMergedCells: 200_000,
  /** CSV: the longest line accepted, in characters. */
  maxCsvLineChars: 1024 * 1024,
  /** Text longer than this in one cell is cut, with a warning (a name, an address, a note are far shorter). */
  maxFieldChars: 500,
} as const;
