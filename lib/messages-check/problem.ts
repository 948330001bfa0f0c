/** One thing wrong in a catalog, said so that an editor can find and fix it. */
export interface CatalogProblem {
  locale: string;
  /** Dotted path of the message, e.g. `RaisedProgress.donors`; `(file)` when the whole catalog is affected. */
  key: string;
  reason: string;
  /** The offending text as the editor wrote it, when there is one. */
  text?: string;
}

export const WHOLE_FILE = "(file)";

export function formatProblem({ locale, key, reason, text }: CatalogProblem): string {
  const line = `${locale} ${key}: ${reason}`;
  return text === undefined ? line : `${line}\n    ${JSON.stringify(text)}`;
}
