import { expect, test } from "@playwright/test";

test("the home page shows the raised amount", async ({ page }) => {
  const response = await page.goto("/en");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("raised-amount")).toContainText("€");
});
