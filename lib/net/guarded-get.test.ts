// The guard against a typed-in address reaching the server's own network, against real local
// servers: loopback is exactly what it must refuse unless the origin is explicitly allowed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetRefused, guardedGet, type GetRefusal } from "./guarded-get";

let inside: Server; // a service on the server's own network
let gate: Server; // an allowed origin that redirects
let insideOrigin = "";
let gateOrigin = "";

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

beforeAll(async () => {
  inside = createServer((_, res) => res.end("secret"));
  insideOrigin = await listen(inside);
  gate = createServer((req, res) => {
    const to: Record<string, string> = {
      "/to-inside": `${insideOrigin}/`,
      "/to-localhost": insideOrigin.replace("127.0.0.1", "localhost"),
      "/to-metadata": "http://169.254.169.254/latest/meta-data/",
      "/to-file": "file:///etc/passwd",
      "/loop": "/loop",
    };
    const target = to[req.url ?? ""];
    if (target) res.writeHead(302, { location: target }).end();
    else res.end("public");
  });
  gateOrigin = await listen(gate);
});

afterAll(() => {
  inside.close();
  gate.close();
});

async function refusal(url: string, allow: string[] = []): Promise<GetRefusal | "fetched"> {
  try {
    const { response } = await guardedGet(url, { allowPrivateOrigins: allow });
    response.resume();
    return "fetched";
  } catch (error) {
    if (error instanceof GetRefused) return error.reason;
    throw error;
  }
}

describe("guardedGet", () => {
  it("refuses private and loopback addresses, by literal or by name", async () => {
    expect(await refusal(`${insideOrigin}/`)).toBe("privateAddress");
    expect(await refusal(insideOrigin.replace("127.0.0.1", "localhost"))).toBe("privateAddress");
    expect(await refusal("http://[::1]:9/")).toBe("privateAddress");
    expect(await refusal("http://169.254.169.254/latest/meta-data/")).toBe("privateAddress");
    expect(await refusal("http://10.1.2.3/")).toBe("privateAddress");
    expect(await refusal("http://[::ffff:127.0.0.1]:9/")).toBe("privateAddress");
  });

  it("refuses other schemes and credentials", async () => {
    for (const url of [
      "file:///etc/passwd",
      "ftp://example.org/a.pdf",
      "gopher://127.0.0.1/",
      "javascript:alert(1)",
      "http://user:pass@example.org/",
      "not a url",
    ])
      expect(await refusal(url)).toBe("badAddress");
  });

  it("fetches an allowed origin, and re-checks every redirect it answers", async () => {
    const { response, url } = await guardedGet(`${gateOrigin}/paper.pdf`, {
      allowPrivateOrigins: [gateOrigin],
    });
    response.setEncoding("utf8");
    let body = "";
    for await (const chunk of response) body += chunk;
    expect(body).toBe("public");
    expect(url.href).toBe(`${gateOrigin}/paper.pdf`);

    expect(await refusal(`${gateOrigin}/to-inside`, [gateOrigin])).toBe("privateAddress");
    expect(await refusal(`${gateOrigin}/to-localhost`, [gateOrigin])).toBe("privateAddress");
    expect(await refusal(`${gateOrigin}/to-metadata`, [gateOrigin])).toBe("privateAddress");
    expect(await refusal(`${gateOrigin}/to-file`, [gateOrigin])).toBe("badAddress");
    expect(await refusal(`${gateOrigin}/loop`, [gateOrigin])).toBe("tooManyRedirects");
  });
});
