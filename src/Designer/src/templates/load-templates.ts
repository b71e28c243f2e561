import type { ElementTemplate } from './element-template';

interface EventBus {
  on(event: string, callback: (event: { errors: Error[] }) => void): void;
  off(event: string, callback: (event: { errors: Error[] }) => void): void;
}

interface ElementTemplatesLoader {
  setTemplates(templates: ElementTemplate[]): void;
}

/** The services of the modeler that loading needs. */
export interface TemplateServices {
  get(name: 'eventBus'): unknown;
  get(name: 'elementTemplatesLoader'): unknown;
}

/**
 * Hands the server's templates to the properties panel's element templates loader, which validates each against the
 * Camunda 7 element-templates schema; returns the message of every template it refused (none, when the host and the
 * designer agree on the format).
 */
export function loadTemplates(modeler: TemplateServices, templates: ElementTemplate[]): string[] {
  const eventBus = modeler.get('eventBus') as EventBus;
  const loader = modeler.get('elementTemplatesLoader') as ElementTemplatesLoader;
  const refused: string[] = [];
  const collect = (event: { errors: Error[] }) => refused.push(...event.errors.map(error => error.message));
  eventBus.on('elementTemplates.errors', collect);
  try {
    loader.setTemplates(templates);
  } finally {
    eventBus.off('elementTemplates.errors', collect);
  }

  return refused;
}
