import { SelectEntry, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { TranslateFunction } from '../i18n/translate';
import type { DeployedForms } from './deployed-forms';
import { formRefOptions } from './form-ref-options';
import { withoutUnexecutedGroups } from './unexecuted-groups';

interface BusinessObject {
  get(name: string): unknown;
}

interface PanelElement {
  businessObject: BusinessObject;
}

interface Entry {
  id: string;
  component: (props: { element: PanelElement; id: string }) => unknown;
  isEdited?: (node: unknown) => boolean;
}

interface PanelGroup {
  id: string;
  entries?: Entry[];
}

interface PropertiesPanel {
  registerProvider(priority: number, provider: { getGroups(element: PanelElement): (groups: PanelGroup[]) => PanelGroup[] }): void;
}

/** The Camunda panel's form group, whose free-text form reference this provider turns into a chooser. */
const formGroupId = 'CamundaPlatform__Form';

/** After the Camunda provider (priority 500), so its groups are there to change. */
const lowPriority = 100;

/** A select of the saved forms in place of the text field for <code>camunda:formRef</code>. */
function FormRefSelect(props: { element: PanelElement; id: string }): unknown {
  const { element, id } = props;
  const modeling = useService('modeling') as { updateProperties(element: PanelElement, properties: Record<string, unknown>): void };
  const translate = useService('translate') as TranslateFunction;
  const forms = useService('deployedForms') as DeployedForms;
  const current = () => element.businessObject.get('camunda:formRef') as string | undefined;
  return SelectEntry({
    element,
    id,
    label: translate('Form reference'),
    getValue: () => current() ?? '',
    setValue: (value: string) => modeling.updateProperties(element, { 'camunda:formRef': value }),
    getOptions: () => formRefOptions(forms.list(), current(), translate),
  });
}

/**
 * Replaces the form reference entry of a user task's (or start event's) form group with {@link FormRefSelect}, and
 * drops the groups of attributes the engine does not execute.
 */
export class FormRefProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: PropertiesPanel) {
    propertiesPanel.registerProvider(lowPriority, this);
  }

  getGroups(_element: PanelElement): (groups: PanelGroup[]) => PanelGroup[] {
    return groups => {
      const form = groups.find(group => group.id === formGroupId);
      if (form?.entries) {
        form.entries = form.entries.map(entry => entry.id === 'formRef'
          ? { id: 'formRef', component: FormRefSelect, isEdited: isSelectEntryEdited as (node: unknown) => boolean }
          : entry);
      }

      return withoutUnexecutedGroups(groups);
    };
  }
}
