using System.Reflection;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Audit;
using MediatR;

namespace Brands.Host.Infrastructure.Mediation;

/// <summary>Registers MediatR 5.1 (which has no DI package of its own) by scanning this assembly.</summary>
internal static class MediationSetup
{
    public static IServiceCollection AddMediation(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetRequiredService);
        services.AddScoped<IMediator, Mediator>();

        var handlerInterfaces = Assembly.GetExecutingAssembly().GetTypes()
            .Where(type => type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            .SelectMany(type => type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
                .Select(i => (Interface: i, Implementation: type)));
        foreach (var (handlerInterface, implementation) in handlerInterfaces)
        {
            services.AddScoped(handlerInterface, implementation);
        }

        // Order matters: the first registered behaviour runs outermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        // Authorisation before validation: a stranger learns nothing from which fields are wrong.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        // The audit log records what an allowed user did, refused by validation or not (README "Audit log").
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuditBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped<AccessScope>();
        services.AddScoped<AccessDecision>();
        services.AddScoped<CaseAccess>();
        services.AddSingleton<CandidateStarters>();
        services.AddHttpContextAccessor();
        return services;
    }
}
