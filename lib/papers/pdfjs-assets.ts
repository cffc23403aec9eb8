// Where the browser finds the PDF viewer's files (app/pdfjs/[...path]/route.ts serves them from
// the installed pdfjs-dist). The version in the address is the installed one, so a new version is
// a new address and never meets an old cached file.
import pdfjsPackage from "pdfjs-dist/package.json";

export const PDFJS_VERSION: string = pdfjsPackage.version;
export const PDFJS_BASE = `/pdfjs/${PDFJS_VERSION}`;

export const pdfjsAssets = {
  worker: `${PDFJS_BASE}/build/pdf.worker.min.mjs`,
  cMapUrl: `${PDFJS_BASE}/cmaps/`,
  standardFontDataUrl: `${PDFJS_BASE}/standard_fonts/`,
  wasmUrl: `${PDFJS_BASE}/wasm/`,
  iccUrl: `${PDFJS_BASE}/iccs/`,
};
