/** Requests larger than this are refused with 413, before any of it is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024
