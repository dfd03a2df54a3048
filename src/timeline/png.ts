// SVG to PNG in the process, with resvg (a native module shipped in the npm package) and a font
// shipped in an npm package too: system fonts are never loaded, so the picture is the same on a
// bare server or CI machine as on a desktop, and Cyrillic always has glyphs.
import { Resvg } from "@resvg/resvg-js";
import { createRequire } from "node:module";
import { FONT_FAMILY } from "./svg.ts";

const require = createRequire(import.meta.url);
// DejaVu Sans: Latin and Cyrillic (Ukrainian's ґ є і ї included); the DejaVu licence allows
// redistribution.
const FONT_FILES = ["dejavu-fonts-ttf/ttf/DejaVuSans.ttf", "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"].map((f) => require.resolve(f));

export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}
