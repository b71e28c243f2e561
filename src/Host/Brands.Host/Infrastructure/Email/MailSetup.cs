using Brands.Host.Infrastructure.ElementTemplates;
using Brands.Host.Infrastructure.Persistence;
using Brands.Workflows;

namespace Brands.Host.Infrastructure.Email;

/// <summary>
/// Email (README, "Email"): the <c>email</c> send-task topic, task-assigned notifications from every commit, the outbox
/// dispatcher and the daily digest (each a plain service with one entry method, run here by a background service),
/// users' mail settings, and MailKit from configuration section <c>Mail</c>.
/// </summary>
internal static class MailSetup
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = DatabaseSettings.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddDbContext<MailDbContext>(settings.Configure);
        services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.SectionName));
        services.AddSingleton(_ => MailTemplates.Load());
        services.AddSingleton<MailComposer>();
        services.AddSingleton<SmtpMailSender>();
        services.AddScoped<RecipientDirectory>();
        services.AddScoped<DigestCollector>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<DigestSender>();
        services.AddServiceTaskHandler<EmailSendTaskHandler>();
        services.AddElementTemplate(EmailSendTaskHandler.Template);
        services.AddCommitObserver<TaskAssignedObserver>();
        services.AddHostedService<OutboxDispatchService>();
        return builder;
    }
}
