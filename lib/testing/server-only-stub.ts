// Vitest runs server modules in plain Node.js, where `server-only` throws; the tests are server code too.
export {};
