/**
 * How far a long operation (an import, a restore, rebuilding the search index, exporting an
 * archive) has got, as its caller hears it while it runs.
 */
export interface OpProgress {
  /** Steps done and in all: files for an import, stages for the others. */
  done: number;
  total: number;
  /** Said to a person as it is: "Imported 3 of 81 files". */
  message: string;
}
