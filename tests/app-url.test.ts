import { spawnSync } from "node:child_process";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { register } from "../instrumentation";
import { createAppServer } from "../server";
import { MISSING_APP_URL, MissingAppUrlError, originOf, requestOrigin, resolveAppUrl } from "~/server/request-origin";

// Issue 14, item 15: absolute links follow the address the app is served on when APP_URL is not set
// (development), and production refuses to run without it.
describe("originOf: the address a request was sent to", () => {
  it("is the Host header, over http, when no proxy of ours stands in front", () => {
    expect(originOf({ host: "192.168.1.20:3000" }, 0)).toBe("http://192.168.1.20:3000");
    expect(originOf({ host: "Forum.Example:8080" }, 0)).toBe("http://forum.example:8080");
    expect(originOf({ host: "[::1]:3000" }, 0)).toBe("http://[::1]:3000");
  });

  it("ignores a client's X-Forwarded-Host and -Proto without trusted proxies, and believes our proxy's", () => {
    const headers = { host: "localhost:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    expect(originOf(headers, 0)).toBe("http://localhost:3000");
    expect(originOf(headers, 1)).toBe("https://evil.example");
  });

  it("gives nothing for a missing Host or one that is not a plain host and port", () => {
    expect(originOf({}, 0)).toBeUndefined();
    for (const host of ["evil.example/path", "user@evil.example", "a b", "evil.example:port", "<script>"]) expect(originOf({ host }, 0), host).toBeUndefined();
  });
});

describe("resolveAppUrl", () => {
  it("uses APP_URL when set, without a trailing slash, whatever the request", () => {
    expect(resolveAppUrl({ appUrl: "https://forum.example/", nodeEnv: "production", origin: "http://other:1" })).toBe("https://forum.example");
    expect(resolveAppUrl({ appUrl: "https://forum.example", nodeEnv: "development", origin: "http://other:1" })).toBe("https://forum.example");
  });

  it("in development without APP_URL follows the request, or localhost on PORT outside one", () => {
    expect(resolveAppUrl({ appUrl: undefined, nodeEnv: "development", origin: "http://192.168.1.20:3000" })).toBe("http://192.168.1.20:3000");
    expect(resolveAppUrl({ appUrl: undefined, nodeEnv: "development", origin: undefined, port: "3100" })).toBe("http://localhost:3100");
  });

  it("in production without APP_URL refuses with a plain message rather than trust the Host header", () => {
    expect(() => resolveAppUrl({ appUrl: undefined, nodeEnv: "production", origin: "http://evil.example" })).toThrow(MissingAppUrlError);
    expect(() => resolveAppUrl({ appUrl: undefined, nodeEnv: "production", origin: undefined })).toThrow(/APP_URL is not set/);
  });
});

describe("server.ts records each request's origin for the app", () => {
  it("from the Host header, not from a client's X-Forwarded-Host", async () => {
    const server = createAppServer(
      (_req, res) => {
        res.end(resolveAppUrl({ appUrl: undefined, nodeEnv: "development", origin: requestOrigin() }));
      },
      { trustedProxies: 0 },
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { request } = await import("node:http");
      const body = await new Promise<string>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path: "/", headers: { host: `dev-box.local:${port}`, "x-forwarded-host": "evil.example" } }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve(text));
        });
        req.on("error", reject);
        req.end();
      });
      expect(body).toBe(`http://dev-box.local:${port}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("production refuses to serve without APP_URL", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("server.ts exits with the message before it starts Next.js", () => {
    const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production", APP_URL: "", PORT: "0", SKIP_ENV_VALIDATION: "" };
    delete env.APP_URL;
    const run = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], { env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(MISSING_APP_URL);
  });

  it("`next start` stops as it starts (instrumentation), but `next build` is let through", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      vi.stubEnv("NEXT_RUNTIME", "nodejs");
      vi.stubEnv("NODE_ENV", "production");
      vi.stubEnv("APP_URL", "");
      vi.stubEnv("NEXT_PHASE", "phase-production-build");
      await register();
      expect(exit).not.toHaveBeenCalled();
      vi.stubEnv("NEXT_PHASE", "phase-production-server");
      await register();
      expect(exit).toHaveBeenCalledWith(1);
      expect(error).toHaveBeenCalledWith(MISSING_APP_URL);
      exit.mockClear();
      vi.stubEnv("APP_URL", "https://forum.example");
      await register();
      expect(exit).not.toHaveBeenCalled();
      // The test clock is for test servers on loopback only (server/test-clock.ts).
      vi.stubEnv("TEST_CLOCK", "1");
      await register();
      expect(exit).toHaveBeenCalledWith(1);
      expect(error).toHaveBeenCalledWith(expect.stringMatching(/TEST_CLOCK is for end-to-end tests only/));
    } finally {
      exit.mockRestore();
      error.mockRestore();
    }
  });
});
