import path from "node:path";
import type { NextConfig } from "next";

// The framework's floor: nothing but Next.js itself, built and started by `npm run bench` the way Surge is.
const config: NextConfig = {
  poweredByHeader: false,
  // It uses the project's node_modules, two folders up.
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
};

export default config;
