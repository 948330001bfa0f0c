import { registerHooks } from "node:module";

// `import "server-only"` marks the modules that must never reach a browser (configuration, database, Redis,
// payments): in Next.js's server bundles it resolves to an empty module, in a client bundle it fails the build.
// next.config.ts also runs on the server, but in plain Node.js outside any bundle, where the package's default
// export throws; this makes Node resolve it the way a server bundle does. Import it before anything else.
// The CLI scripts (package.json) load it with `tsx --import`.
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier !== "server-only") return nextResolve(specifier, context);
    return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  },
});
