// The PDF viewer's own files, served from the installed pdfjs-dist: its worker, the character maps
// that Japanese and Chinese PDFs without embedded fonts need, the standard fonts and the image
// decoders. The version is in the address, so each file is cached for good. Nothing else under
// node_modules can be reached: the folder and the file name are checked against a list and a
// pattern.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { PDFJS_VERSION } from "@/lib/papers/pdfjs-assets";

const types: Record<string, string> = {
  mjs: "text/javascript; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  wasm: "application/wasm",
  bcmap: "application/octet-stream",
  pfb: "application/octet-stream",
  ttf: "font/ttf",
  icc: "application/octet-stream",
};

const params = z.object({
  path: z.tuple([
    z.literal(PDFJS_VERSION),
    z.enum(["build", "cmaps", "standard_fonts", "wasm", "iccs"]),
    z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,80}\.(mjs|js|wasm|bcmap|pfb|ttf|icc)$/),
  ]),
});

export async function GET(
  _: Request,
  context: { params: Promise<Record<string, string | string[]>> },
): Promise<Response> {
  const parsed = params.safeParse(await context.params);
  if (
    !parsed.success ||
    (parsed.data.path[1] === "build" && !/^pdf\.worker/.test(parsed.data.path[2]))
  )
    return new Response("Not found", { status: 404 });
  const [, folder, file] = parsed.data.path;
  const body = await readFile(
    join(process.cwd(), "node_modules", "pdfjs-dist", folder, file),
  ).catch(() => null);
  if (!body) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": types[file.split(".").pop()!]!,
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
