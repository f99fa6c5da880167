/** How to rasterise a standalone SVG: its size in its own units, the scale, the backdrop. */
export interface PngOptions {
  /** Width of the SVG's `viewBox`, user units (CSS pixels at scale 1). */
  readonly width: number;
  /** Height of the SVG's `viewBox`, user units. */
  readonly height: number;
  /** Pixels per user unit, > 0: 2 gives an image that stays crisp on a HiDPI screen. */
  readonly scale: number;
  /** CSS colour painted under the drawing; absent leaves uncovered pixels transparent. */
  readonly background?: string;
}

/**
 * The standalone SVG document `svg` drawn into a PNG of `scale` × its size. The browser
 * rasterises the vector image at the target size, so lines and text stay sharp. The SVG is
 * loaded as an image, so it sees only system fonts: its `font-family` needs a system fallback.
 */
export async function svgToPng(svg: string, options: PngOptions): Promise<Uint8Array> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(options.width * options.scale);
  canvas.height = Math.round(options.height * options.scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  if (options.background) {
    context.fillStyle = options.background;
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the image could not be encoded as PNG');
  return new Uint8Array(await blob.arrayBuffer());
}
