// The annual summary's charts: drawn as SVG in code (no chart library, so the picture depends only on
// the figures) and rendered to PNG with sharp for embedding in the Word document. Text is drawn with
// DejaVu Sans, which the server image carries and which has every Vietnamese diacritic.
import sharp from 'sharp';

export interface BarGroup {
  label: string;
  /** One value per series, same order as the series. */
  values: number[];
  /** A marker drawn across the group (the target), on the same scale. */
  marker?: number | null;
}
export interface BarChart {
  series: { name: string; colour: string }[];
  groups: BarGroup[];
  /** Fixed upper end of the scale (100 for percentages); otherwise the largest value, rounded up. */
  max?: number;
  unit?: string;
  markerName?: string;
  emptyText: string;
}

const WIDTH = 1200;
const LABEL_W = 430;
const BAR_H = 22;
const GROUP_GAP = 16;
const TOP = 60;
const BOTTOM = 50;
const PLOT_W = WIDTH - LABEL_W - 90;
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const MARKER_COLOUR = '#c92a2a';

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Cut a label to what fits beside the bars, on a word boundary, with an ellipsis. */
export function fitLabel(label: string, maxChars = 44): string {
  const s = label.normalize('NFC').trim();
  if (s.length <= maxChars) return s;
  const cut = s.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A "nice" upper end for the scale: 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * p).find((m) => m >= value)!;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1)).replace('.', ',');

/** The chart as SVG text (horizontal grouped bars, one row per series in each group). */
export function barChartSvg(c: BarChart): string {
  const perGroup = Math.max(1, c.series.length) * BAR_H + GROUP_GAP;
  const plotH = Math.max(1, c.groups.length) * perGroup;
  const height = TOP + plotH + BOTTOM;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
  ];
  // Legend.
  let lx = LABEL_W;
  for (const s of c.series) {
    out.push(`<rect x="${lx}" y="18" width="18" height="18" fill="${s.colour}"/>`);
    out.push(`<text x="${lx + 26}" y="33" font-size="18" fill="#212529">${escapeXml(s.name)}</text>`);
    lx += 40 + s.name.length * 11;
  }
  if (c.markerName) {
    out.push(`<line x1="${lx}" y1="27" x2="${lx + 22}" y2="27" stroke="${MARKER_COLOUR}" stroke-width="4"/>`);
    out.push(`<text x="${lx + 30}" y="33" font-size="18" fill="#212529">${escapeXml(c.markerName)}</text>`);
  }
  if (c.groups.length === 0) {
    out.push(`<text x="${WIDTH / 2}" y="${TOP + plotH / 2 + 8}" font-size="22" text-anchor="middle" fill="#495057">${escapeXml(c.emptyText)}</text>`);
    out.push('</svg>');
    return out.join('');
  }
  const largest = Math.max(0, ...c.groups.flatMap((g) => [...g.values, g.marker ?? 0]));
  const max = c.max ?? niceMax(largest);
  const x = (v: number) => LABEL_W + (Math.min(v, max) / max) * PLOT_W;
  // Grid and scale.
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    const gx = x(v);
    out.push(`<line x1="${gx}" y1="${TOP - 6}" x2="${gx}" y2="${TOP + plotH}" stroke="#dee2e6" stroke-width="1"/>`);
    out.push(`<text x="${gx}" y="${TOP + plotH + 26}" font-size="16" text-anchor="middle" fill="#495057">${fmt(v)}${c.unit ?? ''}</text>`);
  }
  c.groups.forEach((g, gi) => {
    const y0 = TOP + gi * perGroup;
    out.push(`<text x="${LABEL_W - 12}" y="${y0 + (perGroup - GROUP_GAP) / 2 + 6}" font-size="17" text-anchor="end" fill="#212529">${escapeXml(fitLabel(g.label))}</text>`);
    g.values.forEach((v, si) => {
      const y = y0 + si * BAR_H;
      const w = Math.max(0, x(v) - LABEL_W);
      out.push(`<rect x="${LABEL_W}" y="${y + 2}" width="${w.toFixed(1)}" height="${BAR_H - 4}" fill="${c.series[si]?.colour ?? '#495057'}"/>`);
      out.push(`<text x="${LABEL_W + w + 6}" y="${y + BAR_H - 6}" font-size="15" fill="#212529">${fmt(v)}${c.unit ?? ''}</text>`);
    });
    if (g.marker !== undefined && g.marker !== null) {
      const mx = x(g.marker).toFixed(1);
      out.push(`<line x1="${mx}" y1="${y0 - 3}" x2="${mx}" y2="${y0 + perGroup - GROUP_GAP + 3}" stroke="${MARKER_COLOUR}" stroke-width="4"/>`);
    }
  });
  out.push(`<line x1="${LABEL_W}" y1="${TOP - 6}" x2="${LABEL_W}" y2="${TOP + plotH}" stroke="#495057" stroke-width="2"/>`);
  out.push('</svg>');
  return out.join('');
}

export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

export async function renderChartPng(c: BarChart): Promise<ChartImage> {
  const svg = barChartSvg(c);
  // Level 3: the PNG goes into a zip (the DOCX) anyway; measured on the awards chart, level 9 took
  // 143 ms, 6 took 47 ms and 3 took 32 ms (28 of them rasterising) for a file 9 % larger than at 9.
  const { data, info } = await sharp(Buffer.from(svg)).png({ compressionLevel: 3 }).toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}
