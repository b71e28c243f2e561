using Brands.Host.Infrastructure.Persistence;
using Brands.Workflows.Timers;

namespace Brands.Host.Infrastructure.Calendar;

/// <summary>Business calendars: stored in the host's database, loaded at start-up, given to the engine as its <see cref="IBusinessCalendar"/>.</summary>
internal static class CalendarSetup
{
    public static WebApplicationBuilder AddCalendars(this WebApplicationBuilder builder)
    {
        var settings = DatabaseSettings.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddDbContextFactory<CalendarDbContext>(settings.Configure);
        builder.Services.Configure<CalendarOptions>(builder.Configuration.GetSection("Calendars"));
        builder.Services.AddSingleton<BusinessCalendars>();
        builder.Services.AddSingleton<IBusinessCalendar>(services => services.GetRequiredService<BusinessCalendars>());
        builder.Services.AddSingleton<CalendarStore>();
        builder.Services.AddHostedService<CalendarSync>();
        return builder;
    }
}
