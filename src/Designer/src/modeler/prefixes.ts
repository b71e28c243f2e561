/** The namespace of Camunda 7's extension attributes and elements. */
export const camundaNamespace = 'http://camunda.org/schema/1.0/bpmn';

/**
 * Some tools bind the prefix `camunda` to another namespace (the MIWG files C.1.0 and C.1.1 bind it to Activiti's).
 * The modeler knows `camunda` as Camunda's own prefix, and writing such a file back fails on the clash, so the
 * foreign prefix is renamed (to `camunda_foreign`) before the file is read. Namespaces, not prefixes, carry the
 * meaning, so the file means the same; a file that binds `camunda` to Camunda's namespace is left alone.
 */
export function renameForeignCamundaPrefix(xml: string): string {
  const declaration = /\sxmlns:camunda\s*=\s*(["'])([^"']*)\1/.exec(xml);
  if (!declaration || declaration[2] === camundaNamespace) {
    return xml;
  }

  return xml
    .replace(/(\sxmlns:)camunda(\s*=)/g, '$1camunda_foreign$2')
    .replace(/(<\/?)camunda:(?=[\w.-])/g, '$1camunda_foreign:')
    .replace(/(\s)camunda:([\w.-]+\s*=\s*["'])/g, '$1camunda_foreign:$2');
}
