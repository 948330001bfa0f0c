/** 303: after a POST the browser follows with a GET, and a relative Location keeps whatever host it used. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
