using System.Text.Json.Nodes;
using Brands.Workflows.Handlers;

namespace Brands.Host.Infrastructure.ElementTemplates;

/// <summary>
/// The element templates of README "Element templates", in the Camunda 7 element-templates JSON format that the
/// designer's properties panel applies: one per service-task topic and per listener handler the host registers, each
/// with the description registered beside it. A handler registered without a description still gets a template,
/// named by its topic or name, so nothing the engine runs is missing from the designer; <see cref="Undescribed"/>
/// lists those (a test keeps it empty).
/// </summary>
internal sealed class ElementTemplateCatalog(
    IEnumerable<IServiceTaskHandler> serviceTaskHandlers,
    IEnumerable<IListenerHandler> listenerHandlers,
    IEnumerable<ServiceTopicTemplate> topicTemplates,
    IEnumerable<ListenerTemplate> listenerTemplates)
{
    public const string TopicTemplatePrefix = "brands.topic.";
    public const string ListenerTemplatePrefix = "brands.listener.";

    private static readonly LocalizedText NoDescription = new("（尚无说明）", "(not described yet)");

    private readonly IReadOnlyList<string> _topics = [.. serviceTaskHandlers.Select(h => h.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    private readonly IReadOnlyList<string> _listeners = [.. listenerHandlers.Select(h => h.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    private readonly IReadOnlyList<ServiceTopicTemplate> _topicTemplates = [.. topicTemplates];
    private readonly IReadOnlyList<ListenerTemplate> _listenerTemplates = [.. listenerTemplates];

    /// <summary>Registered topics and listener handlers that carry no description.</summary>
    public IReadOnlyList<string> Undescribed =>
    [
        .. _topics.Where(topic => !_topicTemplates.Any(t => t.Topic == topic)).Select(topic => $"topic '{topic}'"),
        .. _listeners.Where(name => !_listenerTemplates.Any(t => t.HandlerName == name)).Select(name => $"listener '{name}'"),
    ];

    /// <summary>Every template, names and descriptions in <paramref name="language"/> (<c>zh-CN</c> or <c>en</c>).</summary>
    public JsonArray Templates(string? language)
    {
        var templates = new JsonArray();
        foreach (var topic in _topics)
        {
            var described = _topicTemplates.FirstOrDefault(t => t.Topic == topic)
                ?? new ServiceTopicTemplate(topic, new LocalizedText(topic, topic), NoDescription, []);
            templates.Add(TopicTemplate(described, language));
        }

        foreach (var name in _listeners)
        {
            var described = _listenerTemplates.Where(t => t.HandlerName == name).ToList();
            if (described.Count == 0)
            {
                described.Add(new ListenerTemplate(name, "start", new LocalizedText(name, name), NoDescription, []));
            }

            foreach (var template in described)
            {
                templates.Add(ListenerTemplateJson(template, language));
            }
        }

        return templates;
    }

    private static JsonObject TopicTemplate(ServiceTopicTemplate template, string? language)
    {
        var properties = new JsonArray
        {
            Hidden("external", new JsonObject { ["type"] = "property", ["name"] = "camunda:type" }),
            new JsonObject
            {
                ["label"] = new LocalizedText("主题", "Topic").In(language),
                ["type"] = "String",
                ["value"] = template.Topic,
                ["editable"] = false,
                ["binding"] = new JsonObject { ["type"] = "property", ["name"] = "camunda:topic" },
            },
        };
        AddInputs(properties, template.Inputs, language);
        return Template($"{TopicTemplatePrefix}{template.Topic}", template.Name, template.Description, language,
            ["bpmn:ServiceTask", "bpmn:SendTask", "bpmn:BusinessRuleTask"], properties);
    }

    private static JsonObject ListenerTemplateJson(ListenerTemplate template, string? language)
    {
        var properties = new JsonArray
        {
            Hidden($"${{{template.HandlerName}}}", new JsonObject
            {
                ["type"] = "camunda:executionListener",
                ["event"] = template.Event,
                ["implementationType"] = "delegateExpression",
            }),
        };
        AddInputs(properties, template.Inputs, language);
        return Template($"{ListenerTemplatePrefix}{template.HandlerName}.{template.Event}", template.Name, template.Description, language,
            ["bpmn:Task", "bpmn:SubProcess", "bpmn:CallActivity"], properties);
    }

    private static JsonObject Template(string id, LocalizedText name, LocalizedText description, string? language, string[] appliesTo, JsonArray properties) => new()
    {
        ["id"] = id,
        ["name"] = name.In(language),
        ["description"] = description.In(language),
        ["version"] = 1,
        ["appliesTo"] = new JsonArray([.. appliesTo.Select(type => JsonValue.Create(type))]),
        ["properties"] = properties,
    };

    private static JsonObject Hidden(string value, JsonObject binding) => new()
    {
        ["type"] = "Hidden",
        ["value"] = value,
        ["binding"] = binding,
    };

    private static void AddInputs(JsonArray properties, IReadOnlyList<TemplateInput> inputs, string? language)
    {
        foreach (var input in inputs)
        {
            var property = new JsonObject
            {
                ["label"] = input.Label.In(language),
                ["type"] = input.Multiline ? "Text" : "String",
                ["binding"] = new JsonObject { ["type"] = "camunda:inputParameter", ["name"] = input.Name },
            };
            if (input.Description is not null)
            {
                property["description"] = input.Description.In(language);
            }

            if (input.Required)
            {
                property["constraints"] = new JsonObject { ["notEmpty"] = true };
            }

            properties.Add(property);
        }
    }
}
