namespace Brands.Host.Infrastructure.ElementTemplates;

/// <summary>
/// One value a handler reads: set on the element as a <c>camunda:inputParameter</c> named <see cref="Name"/>, so the
/// handler finds it among the step's local variables. The designer shows it as a field labelled <see cref="Label"/>.
/// </summary>
internal sealed record TemplateInput(string Name, LocalizedText Label, LocalizedText? Description = null, bool Required = false, bool Multiline = false);
