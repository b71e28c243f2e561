using Brands.Host.Features.Admin;
using Brands.Host.Features.Auth;
using Brands.Host.Features.Cases;
using Brands.Host.Features.Definitions;
using Brands.Host.Features.Documents;
using Brands.Host.Features.Events;
using Brands.Host.Features.Forms;
using Brands.Host.Features.Me;
using Brands.Host.Features.Tasks;
using Brands.Host.Infrastructure.Auth;

namespace Brands.Host.Features;

/// <summary>The API of README "API" under <c>/api</c>: everything but sign-in requires an authenticated user.</summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization().RequirePasswordChanged();

        var auth = api.MapGroup("/auth").WithTags("Auth");
        Login.Map(auth);
        ChangePassword.Map(auth);

        var me = api.MapGroup("/me").WithTags("Me");
        GetNotificationSettings.Map(me);
        PutNotificationSettings.Map(me);

        var definitions = api.MapGroup("/definitions").WithTags("Definitions");
        DeployDefinition.Map(definitions);
        ListDefinitions.Map(definitions);
        GetDefinitionXml.Map(definitions);
        ListDefinitionVersions.Map(definitions);
        GetMigrationPlan.Map(definitions);
        MigrateCases.Map(definitions);
        GetDefinitionVersionXml.Map(definitions);
        ListSupportedElements.Map(definitions);
        ListElementTemplates.Map(definitions);

        var forms = api.MapGroup("/forms").WithTags("Forms");
        SaveForm.Map(forms);
        ListForms.Map(forms);
        GetForm.Map(forms);
        GetFormVersion.Map(forms);

        var cases = api.MapGroup("/cases").WithTags("Cases");
        StartCase.Map(cases);
        GetCase.Map(cases);
        GetCaseHistory.Map(cases);
        GetCaseView.Map(cases);
        GetCaseDiagram.Map(cases);
        UploadCaseDocument.Map(cases);
        ListCaseDocuments.Map(cases);

        var tasks = api.MapGroup("/tasks").WithTags("Tasks");
        ListTasks.Map(tasks);
        ClaimTask.Map(tasks);
        UnclaimTask.Map(tasks);
        CompleteTask.Map(tasks);
        AssignTask.Map(tasks);
        UploadTaskDocument.Map(tasks);

        var documents = api.MapGroup("/documents").WithTags("Documents");
        DownloadDocument.Map(documents);

        // A message or signal may reach any province's cases: administrators and integrations only.
        var messages = api.MapGroup("/messages").WithTags("Events").RequireAuthorization(Policies.Admin);
        CorrelateMessage.Map(messages);
        var signals = api.MapGroup("/signals").WithTags("Events").RequireAuthorization(Policies.Admin);
        BroadcastSignal.Map(signals);

        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        ListIncidents.Map(admin);
        RetryJob.Map(admin);
        CreateOrganisation.Map(admin);
        ListOrganisations.Map(admin);
        CreateUser.Map(admin);
        ListUsers.Map(admin);
        ListJobs.Map(admin);
        ListTimers.Map(admin);
        CancelJob.Map(admin);
        GetCalendar.Map(admin);
        PutCalendar.Map(admin);
        ListAuditLog.Map(admin);
        ListOutbox.Map(admin);
        ResendOutboxMessage.Map(admin);

        return endpoints;
    }
}
