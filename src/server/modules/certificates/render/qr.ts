// The QR code of a certificate as a matrix of modules (the `qrcode` package does the encoding), and
// the same matrix drawn as vector squares: one rectangle per horizontal run of dark modules, in
// module units under a scale, so the page stays small and the code stays sharp at any zoom.
import QRCode from 'qrcode';

export interface QrMatrix {
  size: number;
  /** Row-major, 1 = dark. */
  dark: Uint8Array;
}

/** Error correction M (15 %): survives a crease or a stamp across the corner of the code. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: Uint8Array.from(modules.data, (v) => (v ? 1 : 0)) };
}

/** Horizontal runs of dark modules: [column, row, length]. */
export function qrRuns(m: QrMatrix): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (let r = 0; r < m.size; r++) {
    let c = 0;
    while (c < m.size) {
      if (!m.dark[r * m.size + c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.dark[r * m.size + c]) c++;
      runs.push([start, r, c - start]);
    }
  }
  return runs;
}

/** Draws the code with its top-left corner at (x, y), `side` points wide (quiet zone not included). */
export function drawQr(doc: PDFKit.PDFDocument, m: QrMatrix, x: number, y: number, side: number): void {
  doc.save().translate(x, y).scale(side / m.size);
  for (const [c, r, len] of qrRuns(m)) doc.rect(c, r, len, 1);
  doc.fillColor('#000000').fill('nonzero').restore();
}
