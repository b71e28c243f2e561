using Brands.Host.Infrastructure.ElementTemplates;
using Brands.Host.Infrastructure.Jobs;
using Brands.Workflows;

namespace Brands.Host.Infrastructure.Workflows;

/// <summary>
/// The engine, its options from configuration section <c>Workflows</c>, this node's job executor, the owner of cases
/// started by a trigger (<see cref="TriggeredStartOwner"/>), and the element templates of the handlers registered with it.
/// </summary>
internal static class WorkflowSetup
{
    public const string SectionName = "Workflows";

    public static WebApplicationBuilder AddWorkflows(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SectionName);
        builder.Services.AddWorkflowEngine(options => section.Bind(options));
        builder.Services.AddSingleton<Brands.Workflows.Handlers.ITriggeredStartAttributes, TriggeredStartOwner>();
        builder.Services.AddSingleton<Brands.Workflows.Handlers.IDeploymentCheck, OwnerOrganisationCheck>();
        builder.Services.Configure<JobExecutorOptions>(section);
        builder.Services.AddHostedService<JobExecutor>();
        builder.Services.AddSingleton<ElementTemplateCatalog>();
        return builder;
    }
}
