// npm run db:seed – a demo campaign with some succeeded donations, so the home page shows real numbers.
// Does nothing when the campaign already has donations.
import { campaign } from "@/lib/campaign/config";
import { addToTotals } from "@/lib/campaign/running-total";
import { disconnectDb, getDb } from "@/lib/db/client";
import { newDonationId } from "@/lib/donations/donation-id";

const DEMO_AMOUNTS = [2500, 5000, 1000, 10000, 2500, 25000, 5000, 1500, 7500, 2000, 50000, 3000];
const NAMES = ["Amira", "Louis", null, "Grace", "Karim", null, "Élodie", "Sami", null, "Noor", "Tom", "Inès"];

const db = getDb();
try {
  const existing = await db.donation.count({ where: { campaign: campaign.slug } });
  if (existing > 0) {
    console.log(`db:seed: campaign "${campaign.slug}" already has ${existing} donation(s); nothing to do`);
  } else {
    const now = Date.now();
    const donations = DEMO_AMOUNTS.map((amount, index) => {
      const completedAt = new Date(now - (DEMO_AMOUNTS.length - index) * 3_600_000);
      return {
        id: newDonationId(),
        campaign: campaign.slug,
        amount,
        currency: campaign.currency,
        status: "succeeded" as const,
        gateway: "seed",
        gatewaySessionId: `seed_${index}`,
        locale: ["en", "fr", "ar"][index % 3],
        donorName: NAMES[index],
        anonymous: NAMES[index] === null,
        createdAt: completedAt,
        completedAt,
      };
    });
    const raised = donations.reduce((sum, donation) => sum + donation.amount, 0);
    // The running total moves in the same transaction as the donations it counts.
    await db.$transaction(async (tx) => {
      await tx.donation.createMany({ data: donations });
      await addToTotals(
        tx,
        // The seed's sum as one change, on the stripe of its first donation.
        { campaign: campaign.slug, currency: campaign.currency, id: donations[0].id },
        { raised, donors: donations.length },
      );
    });
    console.log(`db:seed: added ${donations.length} donations (${raised} minor units) to "${campaign.slug}"`);
  }
} catch (error) {
  console.error(`db:seed failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
