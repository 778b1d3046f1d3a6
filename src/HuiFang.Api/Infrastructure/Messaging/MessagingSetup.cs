using HuiFang.Api.Features.ServiceRecords;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Contracts;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HuiFang.Api.Infrastructure.Messaging;

public static class MessagingSetup
{
    /// <summary>
    /// Deliveries of one intake message before the broker gives up on it: a message that keeps the consumer
    /// from acknowledging it (a process that crashes on it, again and again) goes to <see cref="IntakeDeadLetter"/>.
    /// Failures the consumer sees go to <c>huifang.intake_error</c> after its own retries, as before.
    /// </summary>
    public const int IntakeDeliveryLimit = 5;

    /// <summary>Exchange and queue for intake messages past <see cref="IntakeDeliveryLimit"/>.</summary>
    public const string IntakeDeadLetter = ServiceRecordCompletedConsumer.Queue + "_dead-letter";

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
            // Service records reported by other systems: one queue, bound to the contract's exchange.
            if (options.ReceiveIntake)
            {
                x.AddConsumer<ServiceRecordCompletedConsumer>()
                    .Endpoint(e => e.Name = ServiceRecordCompletedConsumer.Queue);
            }
            x.AddConfigureEndpointsCallback((context, name, cfg) =>
            {
                // Systems without MassTransit publish the contract as plain JSON (content type application/json).
                if (name == ServiceRecordCompletedConsumer.Queue)
                {
                    cfg.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType);

                    // A quorum queue: replicated when the broker is a cluster, and it counts deliveries, so a
                    // poison message cannot be redelivered for ever.
                    if (cfg is IRabbitMqReceiveEndpointConfigurator rabbit)
                    {
                        rabbit.SetQuorumQueue();
                        rabbit.SetQueueArgument("x-delivery-limit", IntakeDeliveryLimit);
                        rabbit.BindDeadLetterQueue(IntakeDeadLetter, IntakeDeadLetter);
                    }
                }

                // Database hiccups are retried; a message that can never be taken goes to the error queue at once.
                cfg.UseMessageRetry(r =>
                {
                    r.Ignore<RejectedServiceRecordException>();
                    r.Intervals(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
                });
            });

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

                        // Publish completes only when the broker has taken the message: the outbox marks on that.
                        h.PublisherConfirmation = true;
                    });
                    ApplyEventTopology(cfg);

                    // Every event exchange is declared when the bus starts, not when its first event is
                    // published: a subscriber can bind its queue before HuiFang has anything to say.
                    cfg.AddPublishMessageTypes(IntegrationEvents.All);
                    cfg.DeployPublishTopology = true;

                    // MassTransit declares an endpoint's error queue with the endpoint's queue arguments. The
                    // intake's error queue is a quorum queue too, but it neither counts deliveries nor
                    // dead-letters: what waits there waits until someone replays it (README).
                    cfg.SendTopology.ConfigureErrorSettings = error =>
                    {
                        error.SetQueueArgument("x-delivery-limit", null);
                        error.SetQueueArgument("x-dead-letter-exchange", null);
                    };
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                {
                    ApplyEventTopology(cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });

        return options.Transport == MessagingTransport.RabbitMq
            ? $"RabbitMQ at {options.RabbitMq.Host}:{options.RabbitMq.Port}{options.RabbitMq.VirtualHost}"
            : "in-memory message bus (events stay inside this process)";
    }

    /// <summary>
    /// Every event goes to its own fanout exchange with a stable, readable name (<c>huifang.visit-task-created</c>),
    /// whatever the CLR type is called. The common interface gets no exchange: subscribers bind to the events they want.
    /// </summary>
    private static void ApplyEventTopology(IBusFactoryConfigurator cfg)
    {
        cfg.MessageTopology.SetEntityNameFormatter(new EventExchangeNames(cfg.MessageTopology.EntityNameFormatter));
        cfg.Publish<IIntegrationEvent>(p => p.Exclude = true);
    }

    private sealed class EventExchangeNames(IEntityNameFormatter fallback) : IEntityNameFormatter
    {
        public string FormatEntityName<T>() =>
            typeof(T).GetCustomAttributes(typeof(IntegrationEventAttribute), false) is [IntegrationEventAttribute contract, ..]
                ? contract.Exchange
                : fallback.FormatEntityName<T>();
    }
}
