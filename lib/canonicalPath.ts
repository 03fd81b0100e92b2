/**
 * A request path in the one form every check in proxy.ts reads (RFC 3986 §6.2.2 normalisation): percent-
 * encoded unreserved characters decoded (`/%76i/ops` is `/vi/ops`, which is what the router serves),
 * remaining escapes in upper case, runs of slashes collapsed, `.` and `..` segments resolved. A check on the
 * raw path could be walked around by any of these spellings while the page behind it still answers.
 */
export function canonicalPath(raw: string): string {
  const decoded = raw.replace(/%([0-9a-f]{2})/gi, (escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase();
  });
  const out: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  const trailing = decoded.length > 1 && /\/\.{0,2}$/.test(decoded) && out.length > 0 ? '/' : '';
  return `/${out.join('/')}${trailing}`;
}
