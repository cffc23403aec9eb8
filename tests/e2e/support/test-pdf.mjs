// A small PDF written by hand for the reading-room tests: two pages of text in Helvetica and, on
// page 1, a red box captioned as a figure (what a reader cuts out and quotes).

/** @param {string} text */
const escape = (text) => text.replace(/[\\()]/g, (c) => `\\${c}`);

/** @param {[number, number, number, string][]} lines  x, y, size, text */
const textOps = (lines) =>
  lines
    .map(([x, y, size, text]) => `BT /F1 ${size} Tf ${x} ${y} Td (${escape(text)}) Tj ET`)
    .join("\n");

export function testPdf() {
  const page1 = [
    textOps([
      [72, 720, 20, "A Tiny Paper on Action Chunking"],
      [72, 690, 12, "We propose predicting chunks of actions for fine bimanual manipulation."],
      [72, 674, 12, "Temporal ensembling smooths the predicted action chunks."],
    ]),
    "0.85 0.1 0.1 rg 72 380 300 220 re f",
    "0 0 0 rg",
    textOps([[72, 360, 12, "Figure 1: The red box is the whole method."]]),
  ].join("\n");
  const page2 = textOps([
    [72, 720, 16, "Results"],
    [72, 700, 12, "The method reaches 80 to 90 percent success with 50 demonstrations."],
  ]);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${Buffer.byteLength(page1)} >>\nstream\n${page1}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>",
    `<< /Length ${Buffer.byteLength(page2)} >>\nstream\n${page2}\nendstream`,
  ];
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
