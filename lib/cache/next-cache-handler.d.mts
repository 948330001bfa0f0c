// For instrumentation.ts, which hands the shared handler to registerInitialCache when CACHE_REDIS_URL is set.
import type { CacheHandler } from "@fortedigital/nextjs-cache-handler";

declare const NextCacheHandler: typeof CacheHandler;
export default NextCacheHandler;
