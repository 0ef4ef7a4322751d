// Go's string helpers that .dockerignore processing depends on. They differ from JavaScript's
// built-ins in ways users hit: String.prototype.trim() strips U+FEFF but keeps U+0085 (NEL),
// Go's strings.TrimSpace does the opposite.

/** Unicode White_Space, which is what Go's unicode.IsSpace tests. */
const GO_SPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** True when Go's unicode.IsSpace would say so. */
export function isGoSpace(codePoint: number): boolean {
  return GO_SPACE.has(codePoint);
}

/**
 * Go's strings.TrimSpace: strips Unicode White_Space from both ends (U+FEFF is not space).
 * @returns the trimmed string
 */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  // None of the space characters is outside the BMP, so code units suffice here.
  while (start < end && GO_SPACE.has(s.charCodeAt(start))) start++;
  while (end > start && GO_SPACE.has(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * Go's path/filepath.Clean on a Unix system: the shortest equivalent path, by lexical processing only.
 * @returns the cleaned path (`.` for an empty result)
 */
export function goClean(path: string): string {
  if (path === '') return '.';
  const rooted = path.charCodeAt(0) === 0x2f;
  const parts: string[] = [];
  // Count of leading ".." segments we had to keep because they climb above a relative start.
  let climbs = 0;
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length > climbs) parts.pop();
      else if (!rooted) {
        parts.push('..');
        climbs++;
      }
      continue;
    }
    parts.push(segment);
  }
  const body = parts.join('/');
  if (rooted) return '/' + body;
  return body === '' ? '.' : body;
}

/**
 * Go's path.Dir for slash-separated relative paths: everything before the last slash, cleaned.
 * @returns the parent path, `.` for a top-level name
 */
export function goDir(path: string): string {
  const slash = path.lastIndexOf('/');
  return goClean(slash < 0 ? '' : path.slice(0, slash + 1));
}
