import type { TranslateFunction } from '../i18n/translate';
import type { ElementTemplate } from './element-template';

interface EventBus {
  on(event: string, callback: (event: { element: unknown }) => void): void;
}

interface ElementTemplates {
  getAll(element?: unknown): ElementTemplate[];
  applyTemplate(element: unknown, template: ElementTemplate): unknown;
}

/**
 * The dialog the properties panel's "Select" template button opens: every template that applies to the element, by
 * name and description, so an administrator picks "发送提醒邮件" rather than typing a topic (README "Element templates").
 */
export class TemplateChooser {
  static $inject = ['eventBus', 'elementTemplates', 'translate'];

  constructor(eventBus: EventBus, private readonly elementTemplates: ElementTemplates, private readonly translate: TranslateFunction) {
    eventBus.on('elementTemplates.select', event => this.open(event.element));
  }

  open(element: unknown): HTMLDialogElement {
    const dialog = document.createElement('dialog');
    dialog.className = 'template-chooser';
    const heading = document.createElement('h2');
    heading.textContent = this.translate('Choose a template');
    const list = document.createElement('ul');
    const templates = this.elementTemplates.getAll(element);
    if (templates.length === 0) {
      const none = document.createElement('li');
      none.textContent = this.translate('No template applies to this element.');
      list.append(none);
    }

    for (const template of templates) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'template-option';
      button.dataset.templateId = template.id;
      const name = document.createElement('strong');
      name.textContent = template.name;
      const description = document.createElement('span');
      description.textContent = template.description ?? '';
      button.append(name, description);
      button.addEventListener('click', () => {
        this.elementTemplates.applyTemplate(element, template);
        dialog.close();
      });
      item.append(button);
      list.append(item);
    }

    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'template-cancel';
    cancel.textContent = this.translate('Cancel');
    cancel.addEventListener('click', () => dialog.close());
    dialog.append(heading, list, cancel);
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
    return dialog;
  }
}
