import { describe, expect, it } from "vitest";
import { greeting, nameForMail } from "./mail-name";

describe("names in mail are one line, without links", () => {
  it("keeps ordinary names in any script", () => {
    expect(nameForMail("Ana Diplomat")).toBe("Ana Diplomat");
    expect(nameForMail("J. R. Okafor")).toBe("J. R. Okafor");
    expect(nameForMail("Ministère des Affaires étrangères")).toBe("Ministère des Affaires étrangères");
    expect(nameForMail("王小明")).toBe("王小明");
    expect(nameForMail("Ahmad Al-Sayed (CERT)")).toBe("Ahmad Al-Sayed (CERT)");
  });

  it("flattens line breaks, control and invisible characters into single spaces", () => {
    expect(nameForMail("Ana\r\n\r\nYour account is blocked")).toBe("Ana Your account is blocked");
    expect(nameForMail("Ana\u2028Bo\u0000b\u202Eevil\u200B")).toBe("Ana Bo b evil");
    expect(nameForMail("\t\n ")).toBeNull();
  });

  it("leaves out a name that a mail client could turn into a link", () => {
    for (const name of [
      "Ana\nhttps://evil.example/login",
      "visit www.evil.example",
      "evil.example",
      "EVIL.COM support",
      "write to help@evil.example",
      "mailto:x",
      "call 203.0.113.5",
      "http://[2001:db8::1]/",
      "secure-login.microsoftonline",
    ]) {
      expect(nameForMail(name), name).toBeNull();
    }
    expect(greeting("Ana\nhttps://evil.example")).toBe("Hello,");
    expect(greeting("Ana Diplomat")).toBe("Hello Ana Diplomat,");
  });

  it("runs in linear time on long hostile input", () => {
    const started = performance.now();
    nameForMail(`${"a.".repeat(50_000)}${" \n".repeat(50_000)}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
