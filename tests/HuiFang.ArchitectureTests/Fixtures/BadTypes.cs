// Deliberately bad types, laid out like the service under HuiFang.ArchitectureTests.Fixtures: every rule runs
// over them too and must name each violation planted here (and none of the good types beside them). Nothing
// runs this code; only its dependencies matter.
using FluentValidation;
using HuiFang.ArchitectureTests.Fixtures.Common;
using HuiFang.ArchitectureTests.Fixtures.Domain.Common;
using HuiFang.ArchitectureTests.Fixtures.Domain.Orders;
using HuiFang.ArchitectureTests.Fixtures.Features.Alpha;
using HuiFang.ArchitectureTests.Fixtures.Features.Beta;
using HuiFang.ArchitectureTests.Fixtures.Infrastructure.OpenApi;
using HuiFang.ArchitectureTests.Fixtures.Infrastructure.Store;
using HuiFang.ArchitectureTests.Fixtures.Services.Shared;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace HuiFang.ArchitectureTests.Fixtures.Domain.Common
{
    public sealed record Money(decimal Amount);
}

namespace HuiFang.ArchitectureTests.Fixtures.Domain.Orders
{
    /// <summary>Bad: reaches HTTP (a forbidden library) and the project's infrastructure.</summary>
    public sealed class BadEntity
    {
        public HttpContext? Context { get; set; }

        public int CountIn(OrderStore store) => store.Count;
    }

    /// <summary>Bad, but only inside a lambda and an async method, whose bodies the compiler moves into nested
    /// types of its own: the edges must still count, and for this type.</summary>
    public sealed class HiddenEntity
    {
        public static Func<string> Path() => () => PathString.Empty.ToString();

        public static async Task<int> VerbLengthAsync()
        {
            await Task.Yield();
            return System.Net.Http.HttpMethod.Get.Method.Length;
        }
    }

    /// <summary>Good: uses only the domain.</summary>
    public sealed class GoodEntity
    {
        public Money Price { get; } = new(1m);
    }
}

namespace HuiFang.ArchitectureTests.Fixtures.Infrastructure.Store
{
    /// <summary>Infrastructure may use the domain; with <see cref="BadEntity"/> pointing back it is a cycle
    /// of Domain.Orders and Infrastructure.Store.</summary>
    public sealed class OrderStore
    {
        public int Count { get; set; }

        public BadEntity? Last { get; set; }
    }
}

namespace HuiFang.ArchitectureTests.Fixtures.Infrastructure.OpenApi
{
    /// <summary>The allowed edge into a feature: an example built from a request type.</summary>
    public static class Examples
    {
        public static DoBeta DoBetaExample() => new("example");
    }

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class ExampleAttribute : Attribute;
}

namespace HuiFang.ArchitectureTests.Fixtures.Infrastructure.Scheduling
{
    /// <summary>Bad: infrastructure other than OpenApi using a feature.</summary>
    public static class Registration
    {
        public static AlphaThing? Alpha { get; set; }
    }
}

namespace HuiFang.ArchitectureTests.Fixtures.Features.Alpha
{
    /// <summary>Bad: uses the Beta feature (and Beta uses Alpha: a cycle).</summary>
    public sealed class AlphaThing
    {
        public BetaThing? Beta { get; set; }
    }

    /// <summary>Bad: a request with a property and no validator.</summary>
    public sealed record DoAlpha(string Name) : ICommand<int>;

    /// <summary>Good: a request without properties needs no validator.</summary>
    public sealed record PingAlpha : IQuery<int>;

    public sealed class PingAlphaHandler : IQueryHandler<PingAlpha, int>
    {
        public ValueTask<int> Handle(PingAlpha query, CancellationToken cancellationToken) => ValueTask.FromResult(0);
    }

    /// <summary>Good: a request whose only property is a route id (a Guid the router parsed) needs no validator.</summary>
    public sealed record FindAlpha(Guid Id) : IQuery<int>;

    public sealed class FindAlphaHandler : IQueryHandler<FindAlpha, int>
    {
        public ValueTask<int> Handle(FindAlpha query, CancellationToken cancellationToken) => ValueTask.FromResult(0);
    }

    /// <summary>Bad: a Guid beside a string is caller input that wants a validator.</summary>
    public sealed record RenameAlpha(Guid Id, string Name) : ICommand<int>;

    public sealed class RenameAlphaHandler : ICommandHandler<RenameAlpha, int>
    {
        public ValueTask<int> Handle(RenameAlpha command, CancellationToken cancellationToken) => ValueTask.FromResult(0);
    }
}

namespace HuiFang.ArchitectureTests.Fixtures.Features.Alpha.Shared
{
    /// <summary>Good: a use-case namespace using its own feature's root.</summary>
    public static class AlphaHelper
    {
        public static AlphaThing Make() => new();
    }
}

namespace HuiFang.ArchitectureTests.Fixtures.Features.Beta
{
    /// <summary>Bad: uses the Alpha feature, and (through the attribute) Infrastructure.OpenApi, which uses
    /// Beta for its example: the allowed edge must not hide that cycle.</summary>
    [Example]
    public sealed class BetaThing
    {
        public AlphaThing? Alpha { get; set; }
    }

    /// <summary>Good: a request with its validator and its handler beside it.</summary>
    public sealed record DoBeta(string Name) : ICommand<int>;

    public sealed class DoBetaValidator : AbstractValidator<DoBeta>
    {
        public DoBetaValidator() => RuleFor(x => x.Name).NotEmpty();
    }

    public sealed class DoBetaHandler : ICommandHandler<DoBeta, int>
    {
        public ValueTask<int> Handle(DoBeta command, CancellationToken cancellationToken) => ValueTask.FromResult(1);
    }

    /// <summary>Bad: the only validator near it is for its input, not for the request itself.</summary>
    public sealed record GetBeta(BetaInput Input) : IRequest<int>;

    public sealed record BetaInput(string Text);

    public sealed class BetaInputValidator : AbstractValidator<BetaInput>
    {
        public BetaInputValidator() => RuleFor(x => x.Text).NotEmpty();
    }
}

namespace HuiFang.ArchitectureTests.Fixtures.Services.Shared
{
    /// <summary>Bad: a service using a feature.</summary>
    public sealed class SharedService
    {
        public AlphaThing? Alpha { get; set; }
    }

    /// <summary>Bad: a handler away from its request (and so a service using a feature).</summary>
    public sealed class DoAlphaHandler : ICommandHandler<DoAlpha, int>
    {
        public ValueTask<int> Handle(DoAlpha command, CancellationToken cancellationToken) => ValueTask.FromResult(2);
    }
}

namespace HuiFang.ArchitectureTests.Fixtures.Common
{
    /// <summary>Bad: Common using a service and a feature.</summary>
    public static class CommonHelper
    {
        public static SharedService? Service { get; set; }

        public static BetaThing? Beta { get; set; }
    }
}
