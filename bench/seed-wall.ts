import type pg from "pg";

// The home page carries the donor wall, so the page figures are only honest with a full wall on it. These rows
// are written before the build prerenders the pages: names and messages in the three scripts the site speaks,
// anonymous donors and shown amounts among them, as a launch's first hour would leave them.
const DONORS: Array<{ name: string | null; anonymous: boolean; message: string | null; showAmount: boolean }> = [
  { name: "Ada Lovelace", anonymous: false, message: "For the rebuilding fund – keep going!", showAmount: true },
  { name: "Camille Durand", anonymous: false, message: "Bravo à toute l'équipe, on est avec vous.", showAmount: false },
  { name: "ليلى حداد", anonymous: false, message: "بالتوفيق لكل المتطوعين", showAmount: true },
  { name: null, anonymous: true, message: "In memory of my grandmother.", showAmount: true },
  { name: "Jonas Berg", anonymous: false, message: null, showAmount: true },
  { name: null, anonymous: false, message: "Small, but from the heart.", showAmount: false },
  { name: "Yusuf Karim", anonymous: false, message: "من أجل الأطفال", showAmount: false },
  { name: "Marie Leclerc", anonymous: false, message: "Courage !", showAmount: true },
];

export const WALL_SAMPLE = DONORS[0].message!;

/** Writes the wall's donations and their total; the campaign and currency are the defaults the bench runs on. */
export async function seedWall(db: pg.Pool, campaign = "launch", currency = "EUR"): Promise<void> {
  let raised = 0;
  for (const [index, donor] of DONORS.entries()) {
    const amount = 1000 + index * 1500;
    raised += amount;
    await db.query(
      `INSERT INTO donations (id, campaign, amount, currency, status, gateway, locale, donor_name, anonymous,
         message, show_amount, completed_at)
       VALUES ($1, $2, $3, $4, 'succeeded', 'sandbox', 'en', $5, $6, $7, $8, now() - make_interval(mins => $9))`,
      [`bench-wall-${index}`, campaign, amount, currency, donor.name, donor.anonymous, donor.message, donor.showAmount, index],
    );
  }
  await db.query(
    `INSERT INTO campaign_totals (campaign, currency, stripe, raised, donors) VALUES ($1, $2, 0, $3, $4)`,
    [campaign, currency, raised, DONORS.length],
  );
}
