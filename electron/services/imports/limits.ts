/** Limits that keep a hostile or broken file from exhausting memory or freezing the app. */
export const IMPORT_LIMITS = {
  /** Largest file accepted, as received. */
  maxFileBytes: 60 * 1024 * 1024,
  /** Largest total uncompressed size of an .xlsx's parts. */
  maxUncompressedBytes: 400 * 1024 * 1024,
  /** Largest ratio uncompressed/compressed for a part above 1 MB (zip bombs reach thousands). */
  maxRatio: 200,
  /** Largest number of parts in the zip. */
  maxEntries: 10_000,
  /** Excel itself stores at most 32,767 characters in a cell. */
  maxCellChars: 32_767,
  /** Used range accepted per sheet. */
  maxRows: 500_000,
  maxCols: 1_000,
} as const;
