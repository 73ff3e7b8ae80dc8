// Translations of a norm's version (issue 20, "The content"): an author adds a French translation
// through the form (a clause left empty is refused next to the field), and a reader of the forum in
// French sees it, marked as a translation with who provided it, and the authoritative text one click away.
import { expect, open, test, unique } from "./support/fixtures";
import { normInConsultation } from "./support/norms";

test("an author adds a translation through the form; a reader in that language sees it with the notice and the authoritative text one click away", async ({ browser }) => {
  test.slow();
  const title = `Protecting undersea cables, translated ${unique("t")}`;
  const author = await (await browser.newContext()).newPage();
  const normUrl = await normInConsultation(author, title);

  await open(author, normUrl);
  await author.getByRole("link", { name: "Add or replace a translation of version 1" }).click();
  await expect(author.getByRole("heading", { level: 1, name: "Translate this version" })).toBeVisible();
  await author.getByLabel("Language of the translation").selectOption("fr");
  await author.getByRole("button", { name: "Choose" }).click();
  await expect(author.getByRole("heading", { name: "Translation into French" })).toBeVisible();
  await author.getByLabel("Title", { exact: true }).fill("Protéger les câbles sous-marins");
  await author.getByLabel("Summary", { exact: true }).fill("Les États devraient protéger les câbles sous-marins qui acheminent le trafic mondial de données.");
  await author.getByLabel("Clause 1", { exact: true }).fill("Les États ne devraient pas endommager les câbles sous-marins.");
  await author.getByRole("button", { name: "Save the translation" }).click();
  // Clause 2 is missing: refused next to the clauses, nothing saved.
  await expect(author.getByText("A clause cannot be empty; remove it instead.").first()).toBeVisible();
  await author.getByLabel("Clause 2", { exact: true }).fill("Les États devraient aider les navires de réparation à atteindre sans délai les câbles endommagés.");
  await author.getByRole("button", { name: "Save the translation" }).click();
  // The version's page, read in French: the translation.
  await expect(author.getByRole("heading", { level: 1, name: "Protéger les câbles sous-marins" })).toBeVisible();
  expect(new URL(author.url()).pathname).toBe(`/fr${normUrl}/v/1`);

  // A reader of the forum in French.
  const reader = await (await browser.newContext()).newPage();
  await open(reader, `/fr${normUrl}`);
  await expect(reader.getByRole("heading", { level: 1, name: "Protéger les câbles sous-marins" })).toBeVisible();
  await expect(reader.locator("h1 [lang='fr']")).toHaveCount(1);
  const notice = reader.getByTestId("translation-notice");
  await expect(notice).toContainText("Traduction en français fournie par Rin Representative");
  await expect(notice).toContainText("le texte faisant foi est en anglais");
  await expect(reader.locator("ol[lang='fr']").first()).toContainText("Les États ne devraient pas endommager les câbles sous-marins.");
  await notice.getByRole("link", { name: "Lire le texte faisant foi en anglais" }).click();
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect(new URL(reader.url()).search).toBe("?text=authoritative");
  await expect(reader.getByTestId("authoritative-notice")).toBeVisible();

  // The list in French gives the norm's French title, said to be a translation.
  await open(reader, `/fr/norms?q=${encodeURIComponent("câbles sous-marins")}`);
  const listed = reader.locator(`li:has(a[href$="${normUrl}"])`);
  await expect(listed.getByRole("link", { name: "Protéger les câbles sous-marins" })).toHaveAttribute("lang", "fr");
  await expect(listed.getByTestId("list-translation")).toContainText("le texte faisant foi est en anglais");

  // A reader in English sees the authoritative text, and the translation listed.
  const english = await (await browser.newContext()).newPage();
  await open(english, normUrl);
  await expect(english.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(english.getByTestId("translations")).toContainText("French, version 1");
});
