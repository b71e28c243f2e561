namespace Brands.Host.Infrastructure.Calendar;

/// <summary>One date of a calendar document, with what it is (<c>国庆节</c>, <c>春节调休上班</c>).</summary>
internal sealed record CalendarDay(DateOnly Date, string? Name);
