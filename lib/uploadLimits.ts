/**
 * Upload limits, apart from lib/uploads.ts so that the browser's size check (components/forms/FileInput.tsx)
 * and the proxy can read them without pulling in the image and PDF libraries.
 */

/** The cap stated on every upload page. A phone photo is 1–4 MB; a scanned PDF page less. */
export const MAX_UPLOAD_MB = 5;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

/**
 * What the transport accepts (next.config.ts `bodySizeLimit` and `proxyClientMaxBodySize` say the same):
 * far above our own cap, so that a 12 MB camera photo sent without JavaScript still reaches the action and
 * gets the "smaller than 5 MB" message next to its field. A body above this is answered by the proxy with a
 * 413 page (it could not be read whole anyway), which states the cap and how to make a photo smaller.
 */
export const MAX_FORM_BODY_MB = 25;
export const MAX_FORM_BODY_BYTES = MAX_FORM_BODY_MB * 1024 * 1024;
