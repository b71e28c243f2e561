import { TemplateChooser } from './template-chooser';

/** The template chooser; the templates themselves come from the server (see load-templates.ts). */
export const templateChooserModule = {
  __init__: ['templateChooser'],
  templateChooser: ['type', TemplateChooser],
};
