import { initSentry } from "./lib/observability/init-sentry";

initSentry();
