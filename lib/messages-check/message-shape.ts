import { TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

/** What a message needs from the code: its placeholders with their kind, its tags, and its plural options. */
export interface MessageShape {
  /** placeholder name -> kind (`text`, `number`, `date`, `time`, `plural`, `selectordinal`, `select`) */
  placeholders: Map<string, string>;
  tags: Set<string>;
  pluralOptions: string[];
}

export function shapeOf(elements: MessageFormatElement[]): MessageShape {
  const shape: MessageShape = { placeholders: new Map(), tags: new Set(), pluralOptions: [] };
  collect(elements, shape);
  return shape;
}

function collect(elements: MessageFormatElement[], shape: MessageShape): void {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        shape.placeholders.set(element.value, "text");
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        shape.placeholders.set(element.value, TYPE[element.type]);
        break;
      case TYPE.select:
        shape.placeholders.set(element.value, "select");
        for (const option of Object.values(element.options)) collect(option.value, shape);
        break;
      case TYPE.plural:
        shape.placeholders.set(element.value, element.pluralType === "ordinal" ? "selectordinal" : "plural");
        shape.pluralOptions.push(...Object.keys(element.options));
        for (const option of Object.values(element.options)) collect(option.value, shape);
        break;
      case TYPE.tag:
        shape.tags.add(element.value);
        collect(element.children, shape);
        break;
    }
  }
}
