// The PNG of an embed: its SVG drawn by resvg (Rust, a prebuilt binary from npm; no browser), at
// twice the size for sharp screens, with DejaVu Sans from the `dejavu-fonts-ttf` package (it has
// every Vietnamese letter). System fonts are not read: the same bytes on every machine. resvg is
// loaded on the first PNG, so a platform without its binary still serves everything else.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { HttpError } from '../http/http-error.ts';
import { log } from '../log.ts';

const resolve = createRequire(import.meta.url).resolve;

type Render = (svg: string) => Buffer;
let renderer: Promise<Render | null> | undefined;

function load(): Promise<Render | null> {
  renderer ??= (async () => {
    try {
      const { Resvg } = await import('@resvg/resvg-js');
      const fonts = join(dirname(resolve('dejavu-fonts-ttf/package.json')), 'ttf');
      const font = {
        loadSystemFonts: false,
        fontFiles: [join(fonts, 'DejaVuSans.ttf'), join(fonts, 'DejaVuSans-Bold.ttf')],
        defaultFontFamily: 'DejaVu Sans',
        sansSerifFamily: 'DejaVu Sans',
      };
      return (svg: string) => Buffer.from(new Resvg(svg, { font, fitTo: { mode: 'zoom', value: 2 } }).render().asPng());
    } catch (error) {
      log.error('PNG rendering unavailable', { error: String(error) });
      return null;
    }
  })();
  return renderer;
}

export async function pngOf(svg: string): Promise<Buffer> {
  const render = await load();
  if (!render) throw new HttpError(503, 'PNG images are not available on this server; use the .svg form');
  return render(svg);
}
