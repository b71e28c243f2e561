/** One saved form (GET /api/forms): the chooser lists them by id. */
export interface DeployedForm {
  id: string;
  version: number;
}

interface EventBus {
  fire(event: string, payload?: unknown): unknown;
}

/**
 * The forms saved on the server, as the user task's form chooser offers them (README "The designer"). The page loads
 * them once and after each save elsewhere; setting them redraws the panel so an open chooser shows the new list.
 */
export class DeployedForms {
  static $inject = ['eventBus'];

  private forms: DeployedForm[] = [];

  constructor(private readonly eventBus: EventBus) {}

  set(forms: DeployedForm[]): void {
    this.forms = [...forms].sort((a, b) => a.id.localeCompare(b.id));
    this.eventBus.fire('propertiesPanel.providersChanged');
  }

  list(): readonly DeployedForm[] {
    return this.forms;
  }
}
