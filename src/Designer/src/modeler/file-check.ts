/**
 * Checks an uploaded file before the modeler reads it, with the same refusals the server makes: a DTD is never
 * needed in BPMN and is refused outright (entity expansion), and the root must be BPMN 2.0 `definitions`.
 * Returns the English template of the reason, or undefined when the file may be imported.
 */
export function checkUploadedText(text: string): string | undefined {
  if (/<!DOCTYPE/i.test(text)) {
    return 'The file contains a DTD; BPMN files never need one.';
  }

  if (!/<([\w.-]+:)?definitions[\s>][\s\S]*http:\/\/www\.omg\.org\/spec\/BPMN\/20100524\/MODEL/.test(text)) {
    return 'The file is not BPMN 2.0 XML.';
  }

  return undefined;
}
