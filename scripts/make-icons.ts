/**
 * Draws the Teams app icons and writes them as PNG files with node:zlib only (no image library), so
 * they are reproducible from this script:
 *
 *   npx tsx scripts/make-icons.ts            # writes appPackage/color.png and appPackage/outline.png
 *
 * - color.png, 192x192: the letters "HF" (Helsefellesskap) in white on a full-bleed teal square.
 *   Teams rounds the corners itself.
 * - outline.png, 32x32: the same letters in white on a fully transparent background; every pixel is
 *   either white (any alpha) or fully transparent, as Teams requires for the outline icon.
 *
 * The letters are rectangles on a 22x14 grid; both icons scale that grid by a whole number and place
 * it on whole pixels, so edges are crisp and no anti-aliasing is needed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/** The accent colour of the app; appPackage/manifest.json's accentColor is the same. */
export const BRAND_COLOR = '#0F6E73';

export interface RgbaImage {
  width: number;
  height: number;
  /** width * height * 4 bytes, row-major, R G B A. */
  pixels: Buffer;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const GLYPH_WIDTH = 22;
const GLYPH_HEIGHT = 14;

/** "HF" as rectangles on a 22x14 grid: H in columns 0-9, F in columns 12-21. */
const GLYPH: readonly Rect[] = [
  // H
  { x: 0, y: 0, w: 3, h: 14 },
  { x: 7, y: 0, w: 3, h: 14 },
  { x: 3, y: 6, w: 4, h: 3 },
  // F
  { x: 12, y: 0, w: 3, h: 14 },
  { x: 15, y: 0, w: 7, h: 3 },
  { x: 15, y: 6, w: 5, h: 3 },
];

function parseHexColor(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

function fill(image: RgbaImage, rect: Rect, rgba: readonly [number, number, number, number]): void {
  for (let y = rect.y; y < rect.y + rect.h; y++) {
    for (let x = rect.x; x < rect.x + rect.w; x++) {
      const i = (y * image.width + x) * 4;
      image.pixels[i] = rgba[0];
      image.pixels[i + 1] = rgba[1];
      image.pixels[i + 2] = rgba[2];
      image.pixels[i + 3] = rgba[3];
    }
  }
}

function drawGlyph(image: RgbaImage, scale: number): void {
  const offsetX = (image.width - GLYPH_WIDTH * scale) / 2;
  const offsetY = (image.height - GLYPH_HEIGHT * scale) / 2;
  if (!Number.isInteger(offsetX) || !Number.isInteger(offsetY)) {
    throw new Error(`Glyph at scale ${scale} does not sit on whole pixels in ${image.width}x${image.height}`);
  }
  for (const r of GLYPH) {
    fill(
      image,
      { x: offsetX + r.x * scale, y: offsetY + r.y * scale, w: r.w * scale, h: r.h * scale },
      [255, 255, 255, 255],
    );
  }
}

/** 192x192: white "HF" (88x56 px, inside the 96x96 centre Teams recommends) on the brand colour. */
export function renderColorIcon(): RgbaImage {
  const image: RgbaImage = { width: 192, height: 192, pixels: Buffer.alloc(192 * 192 * 4) };
  const [r, g, b] = parseHexColor(BRAND_COLOR);
  fill(image, { x: 0, y: 0, w: 192, h: 192 }, [r, g, b, 255]);
  drawGlyph(image, 4);
  return image;
}

/** 32x32: white "HF" on transparent; transparent pixels are white with alpha 0. */
export function renderOutlineIcon(): RgbaImage {
  const image: RgbaImage = { width: 32, height: 32, pixels: Buffer.alloc(32 * 32 * 4) };
  fill(image, { x: 0, y: 0, w: 32, h: 32 }, [255, 255, 255, 0]);
  drawGlyph(image, 1);
  return image;
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(4 + typeAndData.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData) >>> 0, 4 + typeAndData.length);
  return out;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes an 8-bit RGBA image as PNG (colour type 6, no interlace, filter type 0 on every row). */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) throw new Error('Pixel buffer size does not match the image');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(6, 9); // colour type: truecolour with alpha
  ihdr.writeUInt8(0, 10); // compression: deflate
  ihdr.writeUInt8(0, 11); // filter method 0
  ihdr.writeUInt8(0, 12); // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function writeIcons(appPackageDir: string): string[] {
  mkdirSync(appPackageDir, { recursive: true });
  const written: string[] = [];
  for (const [file, image] of [
    ['color.png', renderColorIcon()],
    ['outline.png', renderOutlineIcon()],
  ] as const) {
    const path = join(appPackageDir, file);
    writeFileSync(path, encodePng(image));
    written.push(path);
  }
  return written;
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'appPackage');
  for (const path of writeIcons(dir)) console.log(`wrote ${path}`);
}
