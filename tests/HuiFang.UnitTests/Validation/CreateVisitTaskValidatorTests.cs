using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Features.VisitTasks.CreateVisitTask;
using HuiFang.Api.Infrastructure.Http;
using HuiFang.Api.Services.Planning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.Validation;

public sealed class CreateVisitTaskValidatorTests
{
    private static readonly FakeTimeProvider Clock = new(Bj(2026, 11, 25, 10));

    static CreateVisitTaskValidatorTests() => new ServiceCollection().AddHuiFangHttp(); // JSON-style field names in messages

    private static readonly CreateVisitTask Valid = new(
        new CustomerInput("C-1001", "王先生", "13812345678", ContactChannel.Phone),
        new ServiceRecordInput("WO-2026-0001", "Repair", "空调故障维修", Bj(2026, 11, 20, 10), "李师傅", "AfterSales"),
        VisitPurpose.AfterSales,
        ContactChannel.Phone,
        "agent-07",
        null,
        null);

    private static IEnumerable<string> ErrorsOf(CreateVisitTask command) =>
        new CreateVisitTaskValidator(Clock).Validate(command).Errors.Select(e => e.PropertyName).Distinct();

    [Fact]
    public void The_documented_example_is_valid() => Assert.Empty(ErrorsOf(Valid));

    [Fact]
    public void Missing_customer_and_service_record_are_named() =>
        Assert.Equal(["customer", "serviceRecord", "purpose"], ErrorsOf(new CreateVisitTask(null!, null!, null, null, null, null, null)));

    [Fact]
    public void Nested_fields_are_named_by_their_json_path() =>
        Assert.Equal(["customer.externalId", "serviceRecord.completedAt"], ErrorsOf(Valid with
        {
            Customer = Valid.Customer with { ExternalId = "" },
            ServiceRecord = Valid.ServiceRecord with { CompletedAt = null },
        }));

    [Fact]
    public void Oversized_strings_are_refused() =>
        Assert.Equal(["customer.name", "serviceRecord.workOrderNo", "serviceRecord.description"], ErrorsOf(Valid with
        {
            Customer = Valid.Customer with { Name = new string('x', 101) },
            ServiceRecord = Valid.ServiceRecord with { WorkOrderNo = new string('1', 65), Description = new string('x', 2001) },
        }));

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("+86 138-1234-5678", true)]
    [InlineData("call me", false)]
    [InlineData("12", false)]
    public void Phone_numbers_are_digits_with_optional_separators(string phone, bool valid) =>
        Assert.Equal(valid, !ErrorsOf(Valid with { Customer = Valid.Customer with { Phone = phone } }).Any());

    [Fact]
    public void A_completion_in_the_future_is_refused_beyond_clock_skew()
    {
        Assert.Empty(ErrorsOf(Valid with { ServiceRecord = Valid.ServiceRecord with { CompletedAt = Clock.GetUtcNow().AddMinutes(4) } }));
        Assert.Equal(["serviceRecord.completedAt"], ErrorsOf(Valid with { ServiceRecord = Valid.ServiceRecord with { CompletedAt = Clock.GetUtcNow().AddHours(1) } }));
    }

    [Fact]
    public void A_caller_window_must_close_in_the_future_and_after_it_opens()
    {
        Assert.Equal(["dueWindow.by"], ErrorsOf(Valid with { DueWindow = new DueWindowInput(null, Clock.GetUtcNow().AddHours(-1)) }));
        Assert.Equal(["dueWindow.by"], ErrorsOf(Valid with { DueWindow = new DueWindowInput(Bj(2026, 12, 5, 9), Bj(2026, 12, 4, 9)) }));
        Assert.Equal(["dueWindow.by"], ErrorsOf(Valid with { DueWindow = new DueWindowInput(Bj(2026, 12, 5, 9), null) }));
    }

    [Fact]
    public void An_override_needs_a_reason() =>
        Assert.Equal(["doNotDisturbOverride.reason"], ErrorsOf(Valid with { DoNotDisturbOverride = new DoNotDisturbOverrideInput(" ") }));

    [Fact]
    public void An_empty_assignee_is_refused_but_a_missing_one_is_fine()
    {
        Assert.Equal(["assignee"], ErrorsOf(Valid with { Assignee = "" }));
        Assert.Empty(ErrorsOf(Valid with { Assignee = null }));
    }
}
