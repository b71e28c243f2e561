import { DeployedForms } from './deployed-forms';
import { FormRefProvider } from './form-ref-provider';

/** Our additions to the properties panel: the user task's form chooser (README "The designer"). */
export const brandsPanelModule = {
  __init__: ['formRefProvider'],
  deployedForms: ['type', DeployedForms],
  formRefProvider: ['type', FormRefProvider],
};
