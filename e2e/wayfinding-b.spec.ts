import { expect, open, test } from "./support/fixtures";

// Issue 14, items 3-5: finding one's way. Each check runs at 1280 px and at 390 px.
const widths = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

for (const size of widths) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("the home page starts with what is open now, within the first screen", async ({ page }) => {
      await open(page, "/");
      const heading = page.getByRole("heading", { level: 2, name: "What is open now" });
      await expect(heading).toBeVisible();
      const box = (await heading.boundingBox())!;
      expect(box.y).toBeLessThan(size.height);
      // The demo data has norms in consultation and endorsement, an open stock-take and a published report.
      for (const stage of ["consultation", "endorsement"]) {
        const list = page.getByTestId(`home-${stage}`);
        await expect(list.getByRole("listitem").first()).toBeVisible();
        await expect(list.getByRole("link", { name: /^See all/ })).toHaveAttribute("href", `/norms?status=${stage}`);
      }
      await expect(page.getByTestId("home-stocktake")).toContainText(/is open for implementation statements and observations until the end of/);
      await expect(page.getByTestId("home-report").locator("code")).toHaveText(/^[0-9a-f]{64}$/);
      await expect(page.getByRole("link", { name: "How the figures are worked out" })).toHaveAttribute("href", "/about/methodology");
      await expect(page.getByRole("link", { name: "Browse the reference library" })).toHaveAttribute("href", "/reference");
    });
  });
}
