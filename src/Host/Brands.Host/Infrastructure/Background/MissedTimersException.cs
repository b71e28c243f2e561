namespace Brands.Host.Infrastructure.Background;

/// <summary>
/// The deadline sweep found timers that should have fired and did not. Thrown so the sweep's job fails where an
/// administrator looks (the Hangfire Dashboard's failed jobs), beside the error in the log and the recorded run.
/// </summary>
internal sealed class MissedTimersException(string message) : Exception(message);
