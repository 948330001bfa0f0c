// Read by the donate form (its maxLength and its in-browser check) and by the server's validation, so the two
// cannot disagree. No imports: client components use it too.
export const DONOR_NAME_MAX_LENGTH = 100;
