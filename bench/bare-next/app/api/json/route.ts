// The smallest JSON routes the framework runs per request: the floor for Surge's API routes. GET is the one the
// targets compare against; POST reads and parses a small JSON body first, as a donation start or a callback does,
// to show what the framework itself costs a write route.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok", raised: 123_450, donors: 42 });
}

export async function POST(request: Request) {
  const body = JSON.parse(await request.text()) as Record<string, unknown>;
  return Response.json({ received: Object.keys(body).length }, { status: 201 });
}
