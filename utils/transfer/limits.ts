/**
 * How much an import may make Folio read. Every cap is checked before or while
 * reading, never after: a 1 GB file is refused from its size alone, and a zip
 * entry stops inflating the moment it passes its cap (a zip bomb's header can
 * claim anything).
 */
export interface ImportLimits {
  /** The file the user picked, as stored on disk. */
  maxFileBytes: number;
  /** All entries of a zip together, inflated. */
  maxInflatedBytes: number;
  /** One zip entry, inflated. */
  maxEntryBytes: number;
  /** Inflated ÷ compressed for one entry, checked once it passes `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Entries in a zip (a Pocket export has a few dozen; Omnivore one per article, times three). */
  maxEntries: number;
  /** Rows or items one import may bring. */
  maxItems: number;
}

const MB = 1024 * 1024;

export const IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 200 * MB,
  maxInflatedBytes: 1024 * MB,
  maxEntryBytes: 100 * MB,
  // Text deflates to about a tenth; HTML with repetitive markup rarely past 1:50. Bombs reach 1:1000.
  maxRatio: 200,
  ratioFloorBytes: 1 * MB,
  maxEntries: 200_000,
  maxItems: 100_000,
};
