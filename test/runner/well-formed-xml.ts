/**
 * A small well-formedness check for the XML payconform writes (junit.xml): one root element,
 * every tag closed in order, attributes quoted, no raw `<` or stray `&` in text or attributes,
 * only characters XML 1.0 allows (no C0 controls but tab, CR and LF, no U+FFFE or U+FFFF, no
 * unpaired surrogate). Returns the problems found; none means well-formed.
 */
const TAG = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>/y;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, "");
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(body)) problems.push("a control character XML 1.0 forbids");
  if (/[\ufffe\uffff]/.test(body)) problems.push("U+FFFE or U+FFFF, which XML 1.0 forbids");
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(body)) problems.push("an unpaired surrogate, which no XML document can hold");
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  while (at < body.length) {
    const lt = body.indexOf("<", at);
    const text = body.slice(at, lt === -1 ? body.length : lt);
    if (text.replace(ENTITY, "").includes("&")) problems.push(`a stray & in text near ${JSON.stringify(text.slice(0, 40))}`);
    if (stack.length === 0 && text.trim() !== "") problems.push(`text outside the root: ${JSON.stringify(text.slice(0, 40))}`);
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(body);
    if (!m) {
      problems.push(`a malformed tag at ${lt}: ${JSON.stringify(body.slice(lt, lt + 40))}`);
      break;
    }
    const [, closing, name, attributes, selfClosing] = m;
    if (attributes.replace(ENTITY, "").includes("&")) problems.push(`a stray & in the attributes of <${name}>`);
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? "nothing"}>`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
    at = TAG.lastIndex;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(" > ")}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
