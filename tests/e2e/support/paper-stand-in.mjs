// A local stand-in for the outside services, so the end-to-end tests never reach the internet:
// the arXiv API, doi.org and Crossref's API, replaying the recorded answers in
// tests/fixtures/papers/ (some identifiers play the bad days: 2401.00001 and 10.5555/down answer
// 503, 2401.00002 answers after 8 s, past the app's 5 s timeout; GET /calls tells how many
// requests each identifier caused), and a mail server (SMTP on STAND_IN_SMTP_PORT) whose
// messages GET /mail?to=<address> returns.
import { createServer } from "node:http";
import { SMTPServer } from "smtp-server";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { testPdf } from "./test-pdf.mjs";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/papers");
const port = Number(process.env.STAND_IN_PORT ?? 3157);
const calls = new Map();
/** Messages received over SMTP: { to, raw }, newest last. */
const mail = [];
const fileName = (id) => id.toLowerCase().replace(/\//g, "_");

function send(res, status, type, body) {
  res.writeHead(status, { "Content-Type": type });
  res.end(body);
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
  if (url.pathname === "/health") return send(res, 200, "text/plain", "ok");
  if (url.pathname === "/mail") {
    const to = (url.searchParams.get("to") ?? "").toLowerCase();
    return send(
      res,
      200,
      "application/json",
      JSON.stringify(mail.filter((m) => m.to.includes(to))),
    );
  }
  if (url.pathname === "/calls")
    return send(res, 200, "application/json", JSON.stringify(Object.fromEntries(calls)));

  // Papers' PDFs for the reading room: arXiv's by id (2401.00001 down, 2401.00003 an HTML page),
  // and files at links a reader may type.
  const pdfMatch = /^\/arxiv\/pdf\/(.+)$/.exec(url.pathname);
  if (pdfMatch) {
    const id = pdfMatch[1];
    calls.set(`pdf:${id}`, (calls.get(`pdf:${id}`) ?? 0) + 1);
    if (id.startsWith("2401.00001")) return send(res, 503, "text/plain", "Service Unavailable");
    if (id.startsWith("2401.00003"))
      return send(res, 200, "text/html", "<!doctype html><title>Sign in to read</title>");
    return send(res, 200, "application/pdf", testPdf());
  }
  if (url.pathname === "/files/paper.pdf") return send(res, 200, "application/pdf", testPdf());
  if (url.pathname === "/files/not-a-pdf.pdf")
    // Claims to be a PDF; its bytes say otherwise.
    return send(res, 200, "application/pdf", Buffer.from("MZ\x90\x00 not a pdf at all"));
  if (url.pathname === "/files/to-inside") {
    res.writeHead(302, { location: url.searchParams.get("to") ?? "http://127.0.0.1:1/" });
    return res.end();
  }

  if (url.pathname === "/arxiv/query") {
    const id = url.searchParams.get("id_list") ?? "";
    calls.set(`arxiv:${id}`, (calls.get(`arxiv:${id}`) ?? 0) + 1);
    if (id === "2401.00001") return send(res, 503, "text/plain", "Service Unavailable");
    if (id === "2401.00002") await new Promise((r) => setTimeout(r, 8_000));
    const file = join(fixtures, "arxiv", `${fileName(id)}.xml`);
    if (existsSync(file)) return send(res, 200, "application/atom+xml", readFileSync(file));
    const valid = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/i.test(id);
    const template = readFileSync(
      join(fixtures, "arxiv", valid ? "empty.xml" : "error.xml"),
      "utf8",
    );
    return send(res, 200, "application/atom+xml", template.replaceAll("2304.999999", id));
  }

  const doiMatch = /^\/(doi|crossref\/works)\/(.+)$/.exec(url.pathname);
  if (doiMatch) {
    const [, service, raw] = doiMatch;
    const doi = decodeURIComponent(raw);
    calls.set(`${service}:${doi}`, (calls.get(`${service}:${doi}`) ?? 0) + 1);
    if (doi === "10.5555/down") return send(res, 503, "text/plain", "Service Unavailable");
    if (service === "doi" && doi === "10.1038/nature14539")
      return send(res, 503, "text/plain", "Service Unavailable"); // Crossref's API answers instead.
    const file = join(fixtures, service === "doi" ? "doi" : "crossref", `${fileName(doi)}.json`);
    if (existsSync(file))
      return send(
        res,
        200,
        service === "doi" ? "application/vnd.citationstyles.csl+json" : "application/json",
        readFileSync(file),
      );
    return send(res, 404, "text/plain", "DOI Not Found");
  }
  send(res, 404, "text/plain", "Not found");
}).listen(port, "127.0.0.1");

new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => {
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      mail.push({ to, raw: Buffer.concat(chunks).toString("utf8") });
      callback();
    });
  },
}).listen(Number(process.env.STAND_IN_SMTP_PORT ?? port + 1), "127.0.0.1");
