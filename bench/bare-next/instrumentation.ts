// Empty on purpose. Without a file of its own, a build whose Turbopack root is the repository picks up Surge's
// instrumentation.ts (Sentry, the configuration check), and the floor would no longer be bare.
export function register() {}
