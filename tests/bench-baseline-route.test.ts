import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "~/app/api/bench/baseline/route";

// The framework baseline of `npm run bench:http` exists only while the server runs with
// BENCH_BASELINE=1: in production it is as absent as any unknown path, and touches no database.
describe("GET /api/bench/baseline", () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([undefined, "", "0", "true"])("answers 404 when BENCH_BASELINE is %s", async (value) => {
    vi.stubEnv("BENCH_BASELINE", value);
    const response = await GET();
    expect(response.status).toBe(404);
  });
});
