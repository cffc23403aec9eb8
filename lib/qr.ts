// QR codes as inline SVG, drawn on the server (no QR code library in the browser's bundle).
import "server-only";
import QRCode from "qrcode";

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}
