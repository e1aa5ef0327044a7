import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { HTTP_PROVIDERS } from "../../src/providers.ts";
import { baseBehaviour, startSandbox, type SandboxHandle, type SandboxOptions } from "../../src/sandboxes/index.ts";
import { LONG_ID, expectDocumented, fixture, send } from "./helpers.ts";

const open: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

async function cashfree(options?: SandboxOptions): Promise<SandboxHandle> {
  const h = await startSandbox("cashfree", options);
  open.push(h);
  return h;
}

function creds(h: SandboxHandle): Record<string, string> {
  return { "x-client-id": h.credentials.CASHFREE_CLIENT_ID, "x-client-secret": h.credentials.CASHFREE_CLIENT_SECRET };
}

describe("sandbox server core", () => {
  const routes: [string, (h: SandboxHandle) => string, string, number][] = [
    ["an unknown route", (h) => `${h.baseUrl}/customers/abc`, "DELETE", 404],
    ["a path outside the base path", (h) => `${new URL(h.baseUrl).origin}/customer/abc`, "DELETE", 404],
    ["a trailing slash", (h) => `${h.baseUrl}/customer/abc/`, "DELETE", 404],
    ["an empty id", (h) => `${h.baseUrl}/customer/`, "DELETE", 404],
    ["the wrong method", (h) => `${h.baseUrl}/customer/abc`, "GET", 405],
  ];
  it.each(routes)("answers %s with a JSON %i", async (_name, url, method, status) => {
    const h = await cashfree();
    const answer = await send(url(h), { method, headers: creds(h) });
    expect(answer.status).toBe(status);
    expect(answer.headers.get("content-type")).toBe("application/json");
    if (status === 405) expect(answer.headers.get("allow")).toBe("DELETE");
  });

  it("takes a credential header sent on two lines for none, whichever line is valid", async () => {
    const h = await cashfree();
    const id = (await fixture(h)).customer_id;
    const { CASHFREE_CLIENT_ID: clientId, CASHFREE_CLIENT_SECRET: secret } = h.credentials;
    for (const lines of [[secret, "wrong-secret-000"], ["wrong-secret-000", secret], [secret, secret]]) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${h.baseUrl}/customer/${id}`, { method: "DELETE", headers: { "x-client-id": clientId, "x-client-secret": lines } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
      expect(status, lines.join(" | ")).toBe(401);
    }
    expect((await send(`${h.baseUrl}/customer/${id}`, { method: "DELETE", headers: creds(h) })).status).toBe(204);
  });

  it("refuses a body above 1 MiB with 413", async () => {
    const h = await cashfree();
    const answer = await send(`${h.baseUrl}/customer/abc`, { method: "DELETE", headers: creds(h), body: "x".repeat(1024 * 1024 + 1) });
    expect(answer.status).toBe(413);
  });

  const odd = ["/%", "/%%41", "//", `/${LONG_ID}/${LONG_ID}`, "/?a=%zz&&=", "/\u00e9\u0000"];
  it.each(HTTP_PROVIDERS.map((p) => [p]))("never answers 5xx to odd paths (%s)", async (provider) => {
    const h = await startSandbox(provider);
    open.push(h);
    for (const path of odd) {
      for (const method of ["GET", "POST", "DELETE"]) {
        const answer = await send(`${h.baseUrl}${path}`, { method });
        expect(answer.status, `${method} ${path}`).toBeLessThan(500);
      }
    }
  });

  it("closes keep-alive connections on close()", async () => {
    const h = await startSandbox("enkash");
    await send(`${h.baseUrl}/api/v0/customer/KC1A2B3C4D5E6F7G`, { method: "DELETE" });
    await h.close();
    await expect(fetch(h.stateUrl, { method: "POST", body: "{}" })).rejects.toThrow();
  });
});

describe("sandbox options for variants", () => {
  it("replaces one step; the others still call the replaced one", async () => {
    const h = await cashfree({
      behaviour: { errorReply: (kind, detail) => (kind === "notFound" ? { status: 410, body: { gone: true } } : baseBehaviour("cashfree").errorReply(kind, detail)) },
    });
    expect((await send(`${h.baseUrl}/customer/cust_unknown`, { method: "DELETE", headers: creds(h) })).status).toBe(410);
    expectDocumented(h, await send(`${h.baseUrl}/customer/cust_unknown`, { method: "DELETE" }), 401);
  });

  it("rewrites answers with transformReply, but not the state endpoint's", async () => {
    const h = await cashfree({ transformReply: (_req, reply) => ({ ...reply, status: reply.status === 204 ? 200 : reply.status, body: { ok: 1 } }) });
    const { customer_id } = await fixture(h);
    expect(customer_id).toMatch(/^cust_/);
    const answer = await send(`${h.baseUrl}/customer/${customer_id}`, { method: "DELETE", headers: creds(h) });
    expect([answer.status, answer.json]).toEqual([200, { ok: 1 }]);
  });

  it("hands the raw response to rawResponse, which may send HTML or reset the socket", async () => {
    const h = await cashfree({
      rawResponse: (req, res) => {
        if (req.segments[1] === "reset") res.socket?.destroy();
        else if (req.segments[1] === "html") res.writeHead(200, { "content-type": "text/html" }).end("<html></html>");
        else return false;
        return true;
      },
    });
    const html = await send(`${h.baseUrl}/customer/html`, { method: "DELETE" });
    expect([html.status, html.headers.get("content-type"), html.text]).toEqual([200, "text/html", "<html></html>"]);
    await expect(fetch(`${h.baseUrl}/customer/reset`, { method: "DELETE" })).rejects.toThrow();
    expectDocumented(h, await send(`${h.baseUrl}/customer/other`, { method: "DELETE" }), 401);
  });

  it("answers 500 when a replaced step throws, and keeps serving", async () => {
    const h = await cashfree({
      behaviour: {
        remove: () => {
          throw new Error("variant bug");
        },
      },
    });
    const answer = await send(`${h.baseUrl}/customer/cust_x`, { method: "DELETE", headers: creds(h) });
    expect(answer.status).toBe(500);
    expect((await fixture(h)).customer_id).toMatch(/^cust_/);
  });
});
