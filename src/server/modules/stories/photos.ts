// A story photo as it is kept: the upload (JPEG or PNG by content) is decoded, turned upright by its
// EXIF orientation, shrunk to fit 1,600 × 1,600 (never enlarged), flattened onto white and written
// again as a JPEG. sharp copies no metadata unless asked (withMetadata/keepExif is never called
// here), so EXIF — GPS position, camera serial, the time it was taken —, XMP and ICC comments of the
// original are gone; the original bytes are never stored.
import sharp from 'sharp';
import { STORY_LIMITS } from '../../../contracts/stories';
import { AppError } from '../../lib/errors';
import { detectFileKind, KIND_LABELS } from '../../lib/files';

/** Decoding stops above this many pixels (a decompression bomb is refused, not decoded). */
const MAX_INPUT_PIXELS = 100_000_000;

export interface ReencodedPhoto {
  data: Buffer;
  width: number;
  height: number;
}

export async function reencodePhoto(upload: Buffer): Promise<ReencodedPhoto> {
  if (upload.length === 0) throw new AppError('VALIDATION', 'file.empty');
  const kind = detectFileKind(upload);
  if (kind !== 'jpeg' && kind !== 'png') throw new AppError('UNSUPPORTED_FILE', 'file.unsupported', { allowed: `${KIND_LABELS.jpeg}, ${KIND_LABELS.png}` });
  try {
    const { data, info } = await sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: STORY_LIMITS.photoMaxSide, height: STORY_LIMITS.photoMaxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    throw new AppError('UNSUPPORTED_FILE', 'stories.api.photoUnreadable');
  }
}
