// Packages of the bpmn.io tool chain that ship no type declarations: each is a diagram-js module (or a set of
// them) handed to the modeler as-is, so `unknown`-shaped declarations are all our code needs.
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: Record<string, unknown>;
  export const BpmnPropertiesProviderModule: Record<string, unknown>;
  export const CamundaPlatformPropertiesProviderModule: Record<string, unknown>;
  export function useService(name: string): unknown;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform' {
  const module: Record<string, unknown>;
  export default module;
}

declare module 'camunda-bpmn-moddle/resources/camunda.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}

declare module 'diagram-js-minimap' {
  const module: Record<string, unknown>;
  export default module;
}

declare module 'bpmn-js-bpmnlint' {
  const module: Record<string, unknown>;
  export default module;
}

declare module 'bpmn-js-token-simulation' {
  const module: Record<string, unknown>;
  export default module;
}

declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<{ rootElement: unknown; warnings: unknown[] }>;
  }
}

declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(definitions: unknown): Promise<Record<string, unknown[]>>;
  }
}

declare module '@bpmn-io/properties-panel' {
  export function SelectEntry(props: Record<string, unknown>): unknown;
  export function isSelectEntryEdited(node: unknown): boolean;
}

declare module 'bpmn-js-element-templates' {
  export const ElementTemplatesPropertiesProviderModule: Record<string, unknown>;
}

declare module 'bpmn-js-element-templates/core' {
  export const ElementTemplatesCoreModule: Record<string, unknown>;
}
