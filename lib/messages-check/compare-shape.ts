import { ALLOWED_TAGS } from "./allowed-tags";
import type { MessageShape } from "./message-shape";

const PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);

/** Problems a message has on its own: tags the site cannot render, plural options no language has. */
export function ownShapeProblems(shape: MessageShape): string[] {
  const problems: string[] = [];
  for (const tag of shape.tags) {
    if (!ALLOWED_TAGS.has(tag)) {
      problems.push(
        `the site does not render the tag <${tag}>; allowed tags: ${[...ALLOWED_TAGS].map((t) => `<${t}>`).join(", ")}`,
      );
    }
  }
  for (const option of shape.pluralOptions) {
    if (!PLURAL_CATEGORIES.has(option) && !/^=\d+$/.test(option)) {
      problems.push(`plural option "${option}" is not one of zero, one, two, few, many, other or =N`);
    }
  }
  return problems;
}

/**
 * Problems of a translation against the English message: the code passes the same values and renders the same
 * tags in every language, so those must match. Plural and select options may differ (Arabic needs more).
 */
export function compareWithReference(shape: MessageShape, reference: MessageShape): string[] {
  const problems: string[] = [];
  for (const [name, kind] of reference.placeholders) {
    const own = shape.placeholders.get(name);
    if (own === undefined) problems.push(`placeholder {${name}} is missing (en has it)`);
    else if (own !== kind) problems.push(`placeholder {${name}} is a ${own} here but a ${kind} in en`);
  }
  for (const name of shape.placeholders.keys()) {
    if (!reference.placeholders.has(name))
      problems.push(`placeholder {${name}} is not in en; the page has no value for it`);
  }
  for (const tag of reference.tags) {
    if (!shape.tags.has(tag)) problems.push(`tag <${tag}> is missing (en has it)`);
  }
  for (const tag of shape.tags) {
    if (!reference.tags.has(tag)) problems.push(`tag <${tag}> is not in en`);
  }
  return problems;
}
