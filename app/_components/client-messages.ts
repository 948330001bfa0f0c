import { getMessages } from "next-intl/server";

// Only these namespaces are used by client components; the rest of the catalog stays on the server, so the
// prerendered HTML does not carry every message of every page.
const CLIENT_NAMESPACES = ["RaisedProgress"] as const;

export async function clientMessages() {
  const messages = await getMessages();
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]]));
}
