// The vector ornaments of a certificate: a border in the template's accent colour (by default a
// double one with corner ornaments), and a trade-union emblem (cog ring, star over an open book). Drawn with paths only:
// no image files, nothing to download, and the same few hundred bytes on every page.
type Doc = PDFKit.PDFDocument;

/** Distance of the outer and inner border lines from the page edge, in points. */
export const BORDER_OUTER = 14;
export const BORDER_INNER = 21;

function diamond(doc: Doc, cx: number, cy: number, r: number): Doc {
  return doc.polygon([cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]);
}

/** CLASSIC: double lines with corner ornaments (the default); DOUBLE: the two lines only; SIMPLE: one line. */
export type BorderStyle = 'CLASSIC' | 'DOUBLE' | 'SIMPLE';

export function drawBorder(doc: Doc, width: number, height: number, accent: string, style: BorderStyle = 'CLASSIC'): void {
  doc.save().strokeColor(accent).fillColor(accent);
  if (style === 'SIMPLE') {
    const at = (BORDER_OUTER + BORDER_INNER) / 2;
    doc.lineWidth(1.8).rect(at, at, width - 2 * at, height - 2 * at).stroke();
    doc.restore();
    return;
  }
  doc.lineWidth(2.6).rect(BORDER_OUTER, BORDER_OUTER, width - 2 * BORDER_OUTER, height - 2 * BORDER_OUTER).stroke();
  doc.lineWidth(0.8).rect(BORDER_INNER, BORDER_INNER, width - 2 * BORDER_INNER, height - 2 * BORDER_INNER).stroke();
  if (style === 'DOUBLE') {
    doc.restore();
    return;
  }

  // Corner ornaments: a diamond across both lines, an L-shaped bracket and a quarter arc inside.
  const mid = (BORDER_OUTER + BORDER_INNER) / 2;
  const inset = BORDER_INNER + 6;
  const arm = 34;
  for (const [sx, sy] of [[1, 1], [-1, 1], [1, -1], [-1, -1]] as const) {
    const ox = sx > 0 ? 0 : width;
    const oy = sy > 0 ? 0 : height;
    const px = (d: number) => ox + sx * d;
    const py = (d: number) => oy + sy * d;
    doc.lineWidth(0.8);
    diamond(doc, px(mid), py(mid), 7).fill();
    doc.circle(px(mid), py(mid), 2).fill('#ffffff').fillColor(accent);
    doc.lineWidth(1.4).moveTo(px(inset), py(inset + arm)).lineTo(px(inset), py(inset)).lineTo(px(inset + arm), py(inset)).stroke();
    doc.lineWidth(0.8);
    doc.moveTo(px(inset + 4), py(inset + 20)).bezierCurveTo(px(inset + 4), py(inset + 11), px(inset + 11), py(inset + 4), px(inset + 20), py(inset + 4)).stroke();
    diamond(doc, px(inset + arm + 5), py(inset), 2.5).fill();
    diamond(doc, px(inset), py(inset + arm + 5), 2.5).fill();
  }
  doc.restore();
}

function star(doc: Doc, cx: number, cy: number, outer: number, inner: number): Doc {
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return doc.polygon(...points);
}

/** A circular union emblem of radius `r` centred on (cx, cy): cog ring, inner ring, star over an open book. */
export function drawEmblem(doc: Doc, cx: number, cy: number, r: number, accent: string): void {
  doc.save().fillColor(accent).strokeColor(accent);
  const teeth = 20;
  const step = (2 * Math.PI) / teeth;
  const cog: [number, number][] = [];
  for (let i = 0; i < teeth; i++) {
    const a = i * step;
    for (const [da, rr] of [[-0.3, r * 0.87], [-0.18, r], [0.18, r], [0.3, r * 0.87]] as const) {
      cog.push([cx + rr * Math.cos(a + da * step), cy + rr * Math.sin(a + da * step)]);
    }
  }
  doc.polygon(...cog).fill();
  doc.circle(cx, cy, r * 0.78).fill('#ffffff');
  doc.lineWidth(1.2).circle(cx, cy, r * 0.7).stroke(accent);
  doc.fillColor(accent);
  star(doc, cx, cy - r * 0.24, r * 0.3, r * 0.12).fill();
  // The open book: two pages meeting at the spine, with a white line for the fold.
  const top = cy + r * 0.12;
  const w = r * 0.42;
  const h = r * 0.3;
  doc.polygon([cx - 0.6, top + 3], [cx - w, top], [cx - w, top + h], [cx - 0.6, top + h + 3]).fill();
  doc.polygon([cx + 0.6, top + 3], [cx + w, top], [cx + w, top + h], [cx + 0.6, top + h + 3]).fill();
  doc.lineWidth(0.6).strokeColor('#ffffff');
  for (const side of [-1, 1]) doc.moveTo(cx + side * 3, top + h * 0.45 + 2).lineTo(cx + side * (w - 3), top + h * 0.45).stroke();
  doc.restore();
}
