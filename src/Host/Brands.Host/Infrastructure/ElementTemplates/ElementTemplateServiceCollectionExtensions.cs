namespace Brands.Host.Infrastructure.ElementTemplates;

/// <summary>
/// The registration point for element templates: whoever registers a service-task or listener handler describes it
/// here, next to the registration, and the designer offers it by name (README "Element templates").
/// </summary>
internal static class ElementTemplateServiceCollectionExtensions
{
    public static IServiceCollection AddElementTemplate(this IServiceCollection services, ServiceTopicTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        services.AddSingleton(template);
        return services;
    }

    public static IServiceCollection AddElementTemplate(this IServiceCollection services, ListenerTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Event is not ("start" or "end"))
        {
            throw new ArgumentException($"A listener template runs on 'start' or 'end', not '{template.Event}'.", nameof(template));
        }

        services.AddSingleton(template);
        return services;
    }
}
