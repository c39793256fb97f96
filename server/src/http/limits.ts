/** Requests larger than this are refused with 413, before any of it is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024
/** Longer request URIs (path and query) are refused with 414. */
export const MAX_URI_BYTES = 8 * 1024
