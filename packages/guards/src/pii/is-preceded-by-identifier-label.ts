/**
 * Words that, right before a number, say it is an identifier (order, ticket, part, serial, …)
 * rather than a card or phone number.
 */
const identifierLabel =
  /\b(?:order|invoice|ticket|part|serial|sku|tracking|ref|reference|confirmation|booking|shipment|parcel|batch|lot|case|claim|item|product|model|build|version|imei|iccid|isbn|upc|ean|po|request|incident|job|record|policy|receipt)(?:\s+(?:number|no\.?|num|id|#|code))?\s*(?:#|no\.?|:)?\s*$/i;

/** How far back to look for a label. */
const window = 32;

/** True when the text just before `start` labels what follows as an identifier (order no., serial, …). */
export function isPrecededByIdentifierLabel(text: string, start: number): boolean {
  return identifierLabel.test(text.slice(Math.max(0, start - window), start));
}
