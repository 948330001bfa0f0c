/**
 * Rich-text tags a message may use. Each must be rendered by the component that shows the message, through
 * `t.rich(key, { strong: (chunks) => <strong>{chunks}</strong> })`; a tag the code does not render shows up as an
 * error in the page instead of formatted text, so the check refuses it. Add a tag here only together with its
 * renderer.
 */
export const ALLOWED_TAGS: ReadonlySet<string> = new Set(["strong", "em"]);
