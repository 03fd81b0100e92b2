/**
 * Codes people read aloud, write on paper and type on a phone: no 0/O, no 1/I/L, no U/V pairs to
 * confuse, upper case only. 8 characters from 29 give 5.0 × 10¹¹ possibilities. Its own module, without
 * Node's crypto, so the helper app in the browser makes its tracking keys from the same alphabet.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

/** The receipt QR's tracking key: 20 characters, about 97 bits, never typed by hand. */
export const TRACKING_KEY_LENGTH = 20;

/** The shape of a tracking key. */
export const TRACKING_KEY_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${TRACKING_KEY_LENGTH}}$`);
