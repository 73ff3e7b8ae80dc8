// The forum's clock in the running app (TEST_CLOCK=1, as playwright.config.ts starts it): a test sets
// it through testing.setClock, and what pages show follows it, cached pages included.
import { expect, type APIRequestContext, test } from "@playwright/test";
import { baseURL } from "../playwright.config";

async function setClock(request: APIRequestContext, at: string | null) {
  const response = await request.post("/api/trpc/testing.setClock", {
    headers: { origin: baseURL, "content-type": "application/json" },
    data: { json: { at, stopped: false } },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test.describe("the forum's clock", () => {
  test.afterEach(async ({ request }) => setClock(request, null));

  test("a stock-take's submission window closes when the clock passes its last day", async ({ page, request }) => {
    const year = new Date().getUTCFullYear();
    // The demo's cycle for this year is open from 1 September to 15 December (db/demo-stocktakes.ts).
    await setClock(request, `${year}-12-15T12:00:00Z`);
    await page.goto(`/stocktakes/${year}`);
    await expect(page.getByText(/The submission window is open until the end of/)).toBeVisible();

    await setClock(request, `${year}-12-16T00:00:01Z`);
    await page.goto(`/stocktakes/${year}`);
    await expect(page.getByText("The submission window is closed.", { exact: false })).toBeVisible();
    await expect(page.getByText(/The submission window is open until/)).toHaveCount(0);
  });
});
