// Decimal (SI) size formatting as the Docker CLI prints it in
// "Sending build context to Docker daemon  5.632kB".

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'] as const;

/**
 * Formats a byte count the way the Docker CLI does for the build context size: divide by
 * 1000 while the value is at least 1000, then print with 4 significant digits and no
 * trailing zeros, immediately followed by the unit.
 *
 * @example formatDecimalSize(5632) === '5.632kB'; formatDecimalSize(30002688) === '30MB'
 */
export function formatDecimalSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit += 1;
  }
  return `${trimTrailingZeros(size.toPrecision(4))}${UNITS[unit]}`;
}

function trimTrailingZeros(text: string): string {
  return text.includes('.') && !text.includes('e') ? text.replace(/\.?0+$/, '') : text;
}
