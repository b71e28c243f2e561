import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import minimapModule from 'diagram-js-minimap';
import lintModule from 'bpmn-js-bpmnlint';
import tokenSimulationModule from 'bpmn-js-token-simulation';
import type { Language } from '../i18n/language';
import { translateModule } from '../i18n/translate';
import { brandsPanelModule } from '../panel';
import { templateChooserModule } from '../templates';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import 'diagram-js-minimap/assets/diagram-js-minimap.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';

/**
 * The modeler with everything README "The designer" lists: the Camunda 7 properties panel and behaviours, element
 * templates with our chooser, the form chooser, minimap, lint, token simulation, keyboard shortcuts (undo/redo, search,
 * tools) and our translation.
 */
export function createModeler(canvas: HTMLElement, properties: HTMLElement, language: Language): BpmnModeler {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: properties },
    linting: { active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      ElementTemplatesPropertiesProviderModule,
      templateChooserModule,
      brandsPanelModule,
      CamundaBehaviorsModule,
      minimapModule,
      lintModule,
      tokenSimulationModule,
      translateModule(language),
    ],
    moddleExtensions: { camunda: camundaModdle },
  });
}
