namespace Brands.Host.Infrastructure.ElementTemplates;

/// <summary>
/// What an administrator sees of a listener handler in the designer: applying it adds an execution listener on
/// <see cref="Event"/> (<c>start</c> or <c>end</c>) calling <c>${HandlerName}</c>, with the inputs the handler reads.
/// </summary>
internal sealed record ListenerTemplate(string HandlerName, string Event, LocalizedText Name, LocalizedText Description, IReadOnlyList<TemplateInput> Inputs);
