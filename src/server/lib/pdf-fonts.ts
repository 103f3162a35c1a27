// The Tinos faces (metric-compatible with Times New Roman, the font of Nghị định 30/2020 documents)
// for pdfkit, read once per process from @expo-google-fonts/tinos. Registered per document: pdfkit
// embeds each face used as a subset CID font with a ToUnicode map, so the text copies and searches
// with its Vietnamese diacritics.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const TINOS_FILES = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
} as const;

export type TinosFace = keyof typeof TINOS_FILES;

const cache = new Map<TinosFace, Buffer>();

/** The font file of one Tinos face. */
export function tinos(face: TinosFace): Buffer {
  let data = cache.get(face);
  if (!data) {
    data = fs.readFileSync(require.resolve(TINOS_FILES[face]));
    cache.set(face, data);
  }
  return data;
}

/** Registers the given Tinos faces on a document under their face names ('regular', 'bold', …). */
export function registerTinos(doc: PDFKit.PDFDocument, faces: readonly TinosFace[] = ['regular', 'bold', 'italic', 'boldItalic']): void {
  for (const face of faces) doc.registerFont(face, tinos(face));
}
