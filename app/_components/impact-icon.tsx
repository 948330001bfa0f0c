// Line icons for the "what your gift does" list; symmetric shapes, so they need no mirroring in Arabic.
const PATHS = {
  filter: "M12 3c-3.3 4.4-5.5 7.4-5.5 10.3a5.5 5.5 0 0 0 11 0C17.5 10.4 15.3 7.4 12 3Zm-3 10.5h6m-5.2 3h4.4",
  tank: "M6 6.5C6 5.1 8.7 4 12 4s6 1.1 6 2.5v11c0 1.4-2.7 2.5-6 2.5s-6-1.1-6-2.5v-11Zm0 0C6 7.9 8.7 9 12 9s6-1.1 6-2.5M6 12c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5",
  pump: "M5 20h14M8 20V9h8v11M12 9V4m-4 5 4-5 4 5m-4 4v3",
} as const;

export function ImpactIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="impact-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
