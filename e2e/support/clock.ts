import type { APIRequestContext } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { expect } from "./fixtures";

/** Calls one of the end-to-end testing procedures (TEST_CLOCK=1, from this machine). */
async function testing(request: APIRequestContext, procedure: "setClock" | "tick", input?: unknown) {
  const response = await request.post(`/api/trpc/testing.${procedure}`, {
    headers: { origin: baseURL, "content-type": "application/json" },
    data: { json: input ?? null },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

/** Sets the forum's clock to `at` (running on from there), or back to the system's time with null. */
export const setClock = (request: APIRequestContext, at: string | Date | null) =>
  testing(request, "setClock", { at: at instanceof Date ? at.toISOString() : at, stopped: false });

/** Runs the scheduled work now, as the server's timer would. */
export const tick = (request: APIRequestContext) => testing(request, "tick") as Promise<{ stagesClosed: number }>;

export const DAY = 24 * 60 * 60 * 1000;

/** A day (UTC) as the pages write it, e.g. "30 January 2027". */
export const longDate = (day: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(day);

/** YYYY-MM-DD of a day in UTC, as a date field takes it. */
export const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/** Midnight UTC at the start of the day `days` after today's (UTC). */
export const dayFromToday = (days: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY);
