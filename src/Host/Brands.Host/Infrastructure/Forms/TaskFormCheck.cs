using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using Brands.Workflows.Persistence;

namespace Brands.Host.Infrastructure.Forms;

/// <summary>
/// Before a task is completed: its submitted variables must satisfy its form (README "Forms"). The form is the
/// latest version of <c>camunda:formRef</c> whatever the binding, as the task record carries no form version;
/// a task whose form is not stored cannot be completed (409) until an administrator saves it.
/// </summary>
internal sealed class TaskFormCheck(FormStore forms)
{
    public async Task EnsureValidAsync(TaskRecord task, JsonObject? variables, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(task.FormRef))
        {
            return;
        }

        var form = await forms.FindLatestAsync(task.FormRef, cancellationToken)
            ?? throw new WorkflowConflictException(
                $"The task's form '{task.FormRef}' has not been saved, so its data cannot be checked; an administrator must save the form first.");
        var errors = FormDataValidator.Validate(JsonNode.Parse(form.SchemaJson)!.AsObject(), variables);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }
}
