import { afterEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_URL = "https://forum.example";
  delete process.env.SECURITY_CONTACT;
});

import { GET } from "~/app/.well-known/security.txt/route";
import { securityTxt } from "~/server/security-txt";

const DAY = 24 * 60 * 60 * 1000;

/** The fields of a security.txt, by name (RFC 9116: "Name: value" lines, # comments). */
function fields(text: string) {
  const map = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const colon = line.indexOf(": ");
    expect(colon, `not a field: ${line}`).toBeGreaterThan(0);
    const name = line.slice(0, colon);
    map.set(name, [...(map.get(name) ?? []), line.slice(colon + 2)]);
  }
  return map;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("/.well-known/security.txt", () => {
  it("answers plain text with the RFC 9116 fields, built from APP_URL", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const f = fields(await response.text());
    expect(f.get("Contact")).toEqual(["mailto:security@forum.example"]);
    expect(f.get("Preferred-Languages")).toEqual(["en, fr, es, ru, ar, zh"]);
    expect(f.get("Canonical")).toEqual(["https://forum.example/.well-known/security.txt"]);
    expect(f.get("Policy")).toEqual(["https://forum.example/security"]);
    // Exactly one Expires (the RFC requires it once), an RFC 3339 time.
    expect(f.get("Expires")).toHaveLength(1);
    expect(f.get("Expires")![0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("expires in about six months from the moment it is asked for, never in the past or over a year ahead", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    for (const now of ["2026-12-01T15:00:00Z", "2031-02-28T23:59:59Z", "2040-07-15T00:00:00Z"]) {
      vi.setSystemTime(new Date(now));
      const expires = new Date(fields(await GET().text()).get("Expires")![0]!).getTime();
      const at = new Date(now).getTime();
      expect(expires, now).toBeGreaterThan(at + 150 * DAY);
      expect(expires, now).toBeLessThan(at + 365 * DAY);
    }
  });

  it("is computed per request, not when the app is built", async () => {
    const { dynamic } = await import("~/app/.well-known/security.txt/route");
    expect(dynamic).toBe("force-dynamic");
  });

  it("uses SECURITY_CONTACT when it is set", () => {
    const text = securityTxt({ contact: "https://example.org/report", appUrl: "https://forum.example", now: new Date() });
    expect(fields(text).get("Contact")).toEqual(["https://example.org/report"]);
  });
});
