/**
 * The messages browsers give a `fetch` that got no answer: no network, a dead zone, a connection refused,
 * reset or timed out, a name that did not resolve. Each engine has one wording for all of these, and
 * rejects with a TypeError carrying it:
 *  - Chromium (Chrome, Android WebView in Zalo's and Facebook's browsers): "Failed to fetch", and
 *    "network error" when the answer was cut off while its body was being read;
 *  - Firefox: "NetworkError when attempting to fetch resource.";
 *  - Safari and every iOS browser: "Load failed".
 * Read from the start only: newer engines may add a detail (the host) after the wording.
 */
const NO_ANSWER =
  /^(?:Failed to fetch|network error|NetworkError when attempting to fetch resource|Load failed)/;

/**
 * Whether a Server Action call failed because the answer never came (docs/adr/0024), as opposed to an
 * answer that said something went wrong. Only the former may be met with "your answer is kept, try again":
 * a server error, a redirect, an action this build lacks or a bug in our own code keeps its own handling,
 * so the test is the browser's network TypeError by its wording, not any TypeError.
 */
export function isLostConnection(error: unknown): boolean {
  return error instanceof TypeError && NO_ANSWER.test(error.message);
}
