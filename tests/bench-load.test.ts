// bench:http's load generator keeps no response bodies (scripts/bench-http/load.ts), yet counts
// every response and every byte.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropBodies, load } from "~/scripts/bench-http/load";

const body = Buffer.alloc(20_000, "x");
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/plain", "content-length": body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("bench:http's load", () => {
  it("counts each response and its bytes but keeps no body", async () => {
    const seen: string[] = [];
    const result = await load({ url, connections: 2, amount: 6, requests: [{ onResponse: (_status, responseBody) => seen.push(responseBody) }] });
    expect(result.requests.total).toBe(6);
    expect(result["2xx"]).toBe(6);
    expect(result.throughput.total).toBeGreaterThan(6 * body.length);
    expect(seen).toHaveLength(6);
    expect(seen.every((kept) => kept === "")).toBe(true);
  });

  it("refuses a client whose queue is not where autocannon 9 keeps it", () => {
    expect(() => dropBodies({} as never)).toThrow(/pipelinedRequests\.addBody/);
  });
});
