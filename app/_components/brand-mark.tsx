export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect width="24" height="24" rx="7" />
      <path d="M12 4.5c-2.9 3.8-5 6.6-5 9.2a5 5 0 0 0 10 0c0-2.6-2.1-5.4-5-9.2Z" fill="#fff" />
      <path
        d="M9.6 14.2a2.4 2.4 0 0 0 2.4 2.4"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        fill="none"
      />
    </svg>
  );
}
