// The smallest JSON route the framework runs per request: the floor for Surge's API routes.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok", raised: 123_450, donors: 42 });
}
