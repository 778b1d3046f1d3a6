using HuiFang.Api.Infrastructure.Configuration;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HuiFang.Api.Infrastructure.Messaging;

public static class MessagingSetup
{
    /// <summary>
    /// MassTransit on RabbitMQ (production) or in memory (embedded). The bus health check reports
    /// Degraded rather than Unhealthy: a broker outage must not take the API out of rotation.
    /// </summary>
    public static string AddHuiFangMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MessagingOptions.Section);
        services.AddOptions<MessagingOptions>().Bind(section).ValidateOnStart();
        var options = section.Get<MessagingOptions>() ?? new MessagingOptions();

        services.AddMassTransit(x =>
        {
            x.ConfigureHealthCheckOptions(h =>
            {
                h.Name = "bus";
                h.MinimalFailureStatus = HealthStatus.Degraded;
                h.Tags.Add("ready");
            });

            if (options.Transport == MessagingTransport.RabbitMq)
            {
                var rabbit = options.RabbitMq;
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                        if (rabbit.UseTls)
                        {
                            h.UseSsl(s => s.ServerName = rabbit.Host);
                        }
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });

        return options.Transport == MessagingTransport.RabbitMq
            ? $"RabbitMQ at {options.RabbitMq.Host}:{options.RabbitMq.Port}{options.RabbitMq.VirtualHost}"
            : "in-memory message bus (events stay inside this process)";
    }
}
