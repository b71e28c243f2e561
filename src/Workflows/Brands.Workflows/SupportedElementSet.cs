namespace Brands.Workflows;

/// <summary>
/// Which kinds of BPMN flow node the validator accepts, found by <see cref="Validation.SupportedElementCatalog"/>.
/// A kind is the element's local name, then its event definition (or <c>multiple</c>), then
/// <c>non-interrupting</c> where that applies: <c>userTask</c>, <c>startEvent/timer</c>,
/// <c>boundaryEvent/message/non-interrupting</c>, <c>eventSubProcessStartEvent/error</c>, <c>receiveTask/message</c>.
/// </summary>
/// <param name="Supported">The kinds a deployable file may contain, in a stable order.</param>
/// <param name="Unsupported">Every other kind that was tried, with the validator's reason.</param>
public sealed record SupportedElementSet(IReadOnlyList<string> Supported, IReadOnlyDictionary<string, string> Unsupported);
