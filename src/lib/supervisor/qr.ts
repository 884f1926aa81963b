/**
 * QR codes for assignment links, as a grid of dark and light modules. The page draws the grid
 * as SVG rectangles itself, so no generated markup is ever injected into the page.
 * The `qrcode` library does the encoding (Reed–Solomon, masking, version choice).
 */
import QRCode from 'qrcode';

export interface QrGrid {
  size: number;
  /** Row-major: dark[y * size + x]. */
  dark: boolean[];
}

/**
 * Error correction M (about 15% damage tolerated) suits a link printed on a handout.
 * Throws when the text is too long for any QR version; callers check length first.
 */
export function qrGrid(text: string): QrGrid {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: Array.from(modules.data, (bit) => bit === 1) };
}

/** One SVG path for every dark module: far fewer DOM nodes than one rect each. */
export function qrPath(grid: QrGrid): string {
  let d = '';
  for (let y = 0; y < grid.size; y++) {
    for (let x = 0; x < grid.size; x++) if (grid.dark[y * grid.size + x]) d += `M${x} ${y}h1v1h-1z`;
  }
  return d;
}
