/**
 * A strict, namespace-aware XML reader for tests (sax in strict mode: a malformed document throws),
 * giving a small element tree to assert on, e.g. an Atom feed's entries.
 */
import sax from 'sax';

/** One element: its namespace and local name, attributes, child elements and text. */
export interface XmlElement {
  /** Namespace URI, e.g. `http://www.w3.org/2005/Atom`. */
  uri: string;
  /** Local name, e.g. `entry`. */
  name: string;
  /** Attributes by local name (namespace declarations left out). */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text content (not its children's). */
  text: string;
}

/** Parses `source` and returns its root element; throws with the line and column of any error. */
export function parseXml(source: string): XmlElement {
  const parser = sax.parser(true, { xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.onopentag = (tag) => {
    if (!('uri' in tag)) throw new Error('sax gave a tag without a namespace (xmlns is on)');
    const attributes: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes))
      if (attr.prefix !== 'xmlns' && attr.name !== 'xmlns') attributes[attr.local] = attr.value;
    const element: XmlElement = {
      uri: tag.uri,
      name: tag.local,
      attributes,
      children: [],
      text: '',
    };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.oncdata = parser.ontext;
  parser.onerror = (error) => {
    throw new Error(`Not well-formed XML: ${error.message}`);
  };
  parser.write(source).close();
  if (!root) throw new Error('The document has no root element.');
  return root;
}

/** The child elements of `element` named `name` (in its namespace). */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name && child.uri === element.uri);
}
