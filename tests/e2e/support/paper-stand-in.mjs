// A local stand-in for the arXiv API, doi.org and Crossref's API, replaying the recorded answers
// in tests/fixtures/papers/ so the end-to-end tests never reach the internet. Some identifiers
// play the bad days: 2401.00001 and 10.5555/down answer 503, 2401.00002 answers after 8 s (past
// the app's 5 s timeout). GET /calls tells how many requests each identifier caused.
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/papers");
const port = Number(process.env.STAND_IN_PORT ?? 3157);
const calls = new Map();
const fileName = (id) => id.toLowerCase().replace(/\//g, "_");

function send(res, status, type, body) {
  res.writeHead(status, { "Content-Type": type });
  res.end(body);
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
  if (url.pathname === "/health") return send(res, 200, "text/plain", "ok");
  if (url.pathname === "/calls")
    return send(res, 200, "application/json", JSON.stringify(Object.fromEntries(calls)));

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
