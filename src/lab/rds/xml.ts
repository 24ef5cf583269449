export const RDS_XMLNS = 'http://rds.amazonaws.com/doc/2014-10-31/';

/** A list as RDS serialises it: a wrapper element holding one `<member>` element per item. */
export class XmlList {
  constructor(
    readonly member: string,
    readonly items: readonly XmlValue[],
  ) {}
}

export type XmlValue = string | number | boolean | Date | undefined | XmlList | XmlObject;
export interface XmlObject {
  readonly [element: string]: XmlValue;
}

export function xmlList(member: string, items: readonly XmlValue[]): XmlList {
  return new XmlList(member, items);
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text safe inside an element or an attribute: markup escaped, and characters XML 1.0 cannot carry at
 * all (most C0 controls, lone surrogates; a server error message may hold them) replaced by U+FFFD.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** One element; undefined values render nothing, so optional fields are simply left out. */
export function renderElement(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (value instanceof XmlList) {
    const items = value.items.map((item) => renderElement(value.member, item)).join('');
    return items === '' ? `<${name}/>` : `<${name}>${items}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') {
    const children = Object.entries(value)
      .map(([child, childValue]) => renderElement(child, childValue))
      .join('');
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata></ActionResponse>` */
export function renderResponse(action: string, result: XmlObject | undefined, requestId: string): string {
  const body = result === undefined ? '' : renderElement(`${action}Result`, result);
  const metadata = renderElement('ResponseMetadata', { RequestId: requestId });
  return `<${action}Response xmlns="${RDS_XMLNS}">${body}${metadata}</${action}Response>\n`;
}

/** RDS's error document: Type (Sender or Receiver), Code, Message and the request id. */
export function renderError(
  error: { code: string; message: string; type: 'Sender' | 'Receiver' },
  requestId: string,
): string {
  const detail = renderElement('Error', { Type: error.type, Code: error.code, Message: error.message });
  return `<ErrorResponse xmlns="${RDS_XMLNS}">${detail}${renderElement('RequestId', requestId)}</ErrorResponse>\n`;
}
