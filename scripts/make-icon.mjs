// Draws the extension's icon, images/icon.png (128×128 RGBA), with no dependencies: shapes are
// rasterised at 4× and averaged (anti-aliasing), then written as a PNG with node:zlib.
// Run `node scripts/make-icon.mjs` after changing it; the PNG is committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SCALE = 4;
const NAVY = [31, 58, 95, 255];
const PAPER = [250, 250, 247, 255];
const INK = [120, 132, 150, 255];
const GOLD = [240, 180, 41, 255];
const WHITE = [255, 255, 255, 255];

/** Inside a rectangle with rounded corners (radius r)? Coordinates in icon pixels. */
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** A thick line segment from (ax, ay) to (bx, by), half-width w. */
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= w * w;
};

// Back to front: a navy tile, a crime file (paper with lines of text), a gold seal with a tick.
const layers = [
  [roundedRect(4, 4, 124, 124, 22), NAVY],
  [roundedRect(30, 18, 90, 104, 7), PAPER],
  [roundedRect(40, 34, 80, 40, 3), INK],
  [roundedRect(40, 50, 80, 56, 3), INK],
  [roundedRect(40, 66, 66, 72, 3), INK],
  [circle(88, 90, 24), NAVY],
  [circle(88, 90, 20), GOLD],
  [segment(77, 90, 85, 99, 3.6), WHITE],
  [segment(85, 99, 100, 80, 3.6), WHITE],
];

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SCALE; sy++) {
      for (let sx = 0; sx < SCALE; sx++) {
        const px = x + (sx + 0.5) / SCALE;
        const py = y + (sy + 0.5) / SCALE;
        let colour = [0, 0, 0, 0];
        for (const [inside, fill] of layers) if (inside(px, py)) colour = fill;
        // Premultiplied, so transparent samples do not darken the edges.
        for (let c = 0; c < 3; c++) sum[c] += (colour[c] * colour[3]) / 255;
        sum[3] += colour[3];
      }
    }
    const n = SCALE * SCALE;
    const alpha = sum[3] / n;
    const offset = (y * SIZE + x) * 4;
    for (let c = 0; c < 3; c++) pixels[offset + c] = alpha === 0 ? 0 : Math.round(((sum[c] / n) * 255) / alpha);
    pixels[offset + 3] = Math.round(alpha);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../images/icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote images/icon.png (${SIZE}×${SIZE}, ${png.length} bytes)`);
