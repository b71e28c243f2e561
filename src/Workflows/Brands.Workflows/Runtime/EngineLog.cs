using Microsoft.Extensions.Logging;

namespace Brands.Workflows.Runtime;

internal static class EngineLog
{
    public static void LogCaseFailure(this ILogger logger, Guid caseId, string elementId, string message) =>
        logger.LogWarning("Case {CaseId} stopped at {ElementId}: {Message}", caseId, elementId, message);

    public static void LogSignalBroadcast(this ILogger logger, string name, int receivers) =>
        logger.LogInformation("Signal {Signal} broadcast to {Receivers} receiver(s)", name, receivers);
}
