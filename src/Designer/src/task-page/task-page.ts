import { showForm } from '../form-viewer/form-viewer';
import { readJsonBlock } from './json-block';

/**
 * The task page of the web app (/tasks/{id}, README "Using the web app"): shows the task's form with the form-js
 * viewer, filled with the case's values and, after a refused completion, the host's errors beside the fields.
 * Completing sends what the form holds as JSON in the page's own form (with its antiforgery token); the host
 * alone judges it, so its errors are the ones shown.
 */
async function startTaskPage(): Promise<void> {
  const container = document.getElementById('task-form');
  const completeForm = document.getElementById('complete-form');
  const schema = readJsonBlock<object | null>(document, 'task-form-schema', null);
  if (container !== null && completeForm instanceof HTMLFormElement && schema !== null) {
    const form = await showForm(container, schema, readJsonBlock<Record<string, unknown>>(document, 'task-form-data', {}));
    const errors = readJsonBlock<Record<string, string[]>>(document, 'task-form-errors', {});
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
    }

    completeForm.addEventListener('submit', event => {
      event.preventDefault();
      const variables = completeForm.elements.namedItem('variables');
      if (variables instanceof HTMLInputElement) {
        variables.value = JSON.stringify(form.submit().data);
      }

      completeForm.submit();
    });
  }

  document.body.dataset.ready = 'true';
}

void startTaskPage();
