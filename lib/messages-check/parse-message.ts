import { parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import compile from "icu-minify/compile";

export type ParsedMessage = { ok: true; elements: MessageFormatElement[] } | { ok: false; reason: string };

// The parser names its errors in constants; an editor needs to know what to change.
const REASONS: Record<string, string> = {
  EXPECT_ARGUMENT_CLOSING_BRACE: "a { is never closed; add the missing }",
  EMPTY_ARGUMENT: "{} is empty; put a placeholder name inside, e.g. {amount}",
  MALFORMED_ARGUMENT: "a placeholder is malformed or its } is missing; names are letters, digits and _ only",
  EXPECT_ARGUMENT_TYPE:
    "a placeholder has a comma but no type after it; use number, date, time, plural or select",
  INVALID_ARGUMENT_TYPE: "unknown placeholder type; use number, date, time, plural, selectordinal or select",
  EXPECT_ARGUMENT_STYLE: "a placeholder has a second comma but no style after it",
  INVALID_NUMBER_SKELETON: "the number format after :: is not valid",
  INVALID_DATE_TIME_SKELETON: "the date format after :: is not valid",
  EXPECT_NUMBER_SKELETON: "the number format after :: is empty",
  EXPECT_DATE_TIME_SKELETON: "the date format after :: is empty",
  UNCLOSED_QUOTE_IN_ARGUMENT_STYLE: "an apostrophe in a placeholder's style is never closed",
  EXPECT_SELECT_ARGUMENT_OPTIONS: "a select has no options, e.g. {reason, select, declined {…} other {…}}",
  EXPECT_PLURAL_ARGUMENT_SELECTOR:
    "a plural has no options, e.g. {count, plural, one {# donor} other {# donors}}",
  EXPECT_SELECT_ARGUMENT_SELECTOR: "a select has no options, e.g. {reason, select, declined {…} other {…}}",
  EXPECT_SELECT_ARGUMENT_SELECTOR_FRAGMENT: "a select option has no {text} after it",
  EXPECT_PLURAL_ARGUMENT_SELECTOR_FRAGMENT: "a plural option has no {text} after it",
  INVALID_PLURAL_ARGUMENT_SELECTOR:
    "a plural option is malformed; use zero, one, two, few, many, other or =N",
  DUPLICATE_PLURAL_ARGUMENT_SELECTOR: "a plural lists the same option twice",
  DUPLICATE_SELECT_ARGUMENT_SELECTOR: "a select lists the same option twice",
  MISSING_OTHER_CLAUSE: "a plural or select has no `other` option; every plural and select needs one",
  INVALID_TAG: "a tag is malformed; tags look like <strong>text</strong>, without attributes",
  INVALID_TAG_NAME: "a tag name is invalid; tags look like <strong>text</strong>",
  UNMATCHED_CLOSING_TAG: "a closing tag does not match the tag it closes",
  UNCLOSED_TAG: "a tag is never closed; add the matching </tag>",
};

/** Parses one message the way the site does (tags on, `other` required) and the build's compiler agrees. */
export function parseMessage(text: string): ParsedMessage {
  let elements: MessageFormatElement[];
  try {
    elements = parse(text, { requiresOtherClause: true, shouldParseSkeletons: true, captureLocation: true });
  } catch (error) {
    const { message, location } = error as SyntaxError & { location?: { start: { offset: number } } };
    const at = location ? ` (at character ${location.start.offset + 1})` : "";
    return { ok: false, reason: `ICU syntax: ${REASONS[message] ?? message}${at}` };
  }
  // The production build precompiles every message with this compiler and stops with a bare stack trace
  // if it refuses one; catching that here names the key instead.
  try {
    compile(text);
  } catch (error) {
    return { ok: false, reason: `the build's message compiler refuses it: ${(error as Error).message}` };
  }
  return { ok: true, elements };
}
