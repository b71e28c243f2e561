namespace Brands.Host.Infrastructure.ElementTemplates;

/// <summary>
/// What an administrator sees of a service-task topic in the designer (README "Element templates"): a name such as
/// "发送提醒邮件" instead of the topic, what it does, and the inputs its handler reads.
/// </summary>
internal sealed record ServiceTopicTemplate(string Topic, LocalizedText Name, LocalizedText Description, IReadOnlyList<TemplateInput> Inputs);
