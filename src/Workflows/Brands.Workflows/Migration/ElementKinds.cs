using Brands.Workflows.Model;

namespace Brands.Workflows.Migration;

/// <summary>
/// The kind of a flow node as migration compares it: its BPMN element, what its event waits for, whether it
/// interrupts, and its multi-instance loop. A case may wait only in an element of the same kind after migration.
/// </summary>
internal static class ElementKinds
{
    public static string Of(FlowNode node)
    {
        var kind = node switch
        {
            SubProcess { TriggeredByEvent: true } => "eventSubProcess",
            IntermediateCatchEvent catching => "intermediateCatchEvent" + Suffix(catching.Trigger),
            BoundaryEvent { CancelActivity: true } boundary => "boundaryEvent" + Suffix(boundary.Trigger),
            BoundaryEvent boundary => "nonInterruptingBoundaryEvent" + Suffix(boundary.Trigger),
            StartEvent { IsInterrupting: true } start => "startEvent" + Suffix(start.Trigger),
            StartEvent start => "nonInterruptingStartEvent" + Suffix(start.Trigger),
            _ => char.ToLowerInvariant(node.GetType().Name[0]) + node.GetType().Name[1..],
        };
        return node is Activity { MultiInstance: { } loop }
            ? kind + (loop.IsSequential ? ":sequential-multi-instance" : ":parallel-multi-instance")
            : kind;
    }

    /// <summary>What the event of <paramref name="node"/> waits for, if it waits for a timer, a message or a signal.</summary>
    public static EventTrigger? TriggerOf(FlowNode node) => node switch
    {
        IntermediateCatchEvent catching => catching.Trigger,
        BoundaryEvent boundary => boundary.Trigger,
        StartEvent start => start.Trigger,
        ReceiveTask receive => receive.Message,
        _ => null,
    };

    /// <summary>True when both triggers wait for the same thing as written (timer kind and value, message or signal name).</summary>
    public static bool SameTrigger(EventTrigger? source, EventTrigger? target) => (source, target) switch
    {
        (TimerTrigger s, TimerTrigger t) => s.Kind == t.Kind && s.Value.Source == t.Value.Source,
        (MessageTrigger s, MessageTrigger t) => s.Name.Source == t.Name.Source && s.CorrelationKeys.SequenceEqual(t.CorrelationKeys, StringComparer.Ordinal),
        (SignalTrigger s, SignalTrigger t) => s.Name.Source == t.Name.Source,
        (null, null) => true,
        _ => false,
    };

    private static string Suffix(EventTrigger? trigger) => trigger switch
    {
        TimerTrigger => ":timer",
        MessageTrigger => ":message",
        SignalTrigger => ":signal",
        ErrorTrigger => ":error",
        EscalationTrigger => ":escalation",
        _ => "",
    };
}
