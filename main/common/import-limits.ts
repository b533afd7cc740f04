/** How large a file Fieldbook takes in, and how a refusal says so: shared by the core, the UI and the command line. */
/**
 * The largest file Fieldbook imports. Part of the contract so the UI and the command line can
 * refuse a larger file before sending it, in the core's own words.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Why a file of this size is refused, e.g. "the file is 100 MB, over the 20 MB limit". */
export function oversizeReason(bytes: number): string {
  // Rounded up, so a file just over the limit never reads as equal to it.
  const megabytes = (n: number) => {
    const tenths = Math.ceil((n / (1024 * 1024)) * 10) / 10;
    return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)} MB`;
  };
  return `the file is ${megabytes(bytes)}, over the ${megabytes(MAX_IMPORT_BYTES)} limit`;
}
