namespace Brands.Workflows.Model;

/// <summary>What an end event does when a token reaches it (BPMN 2.0 §10.5.3).</summary>
public enum EndEventKind
{
    None,
    /// <summary>Ends every token of the enclosing scope.</summary>
    Terminate,
    /// <summary>Throws a BPMN error to the nearest matching error boundary event.</summary>
    Error,
    /// <summary>Broadcasts a signal to every case and start event waiting for it, then ends the token.</summary>
    Signal,
    /// <summary>Throws an escalation to the nearest catching boundary event or event sub-process, then ends the token.</summary>
    Escalation,
}
