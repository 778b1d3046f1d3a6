using System.Net;
using HuiFang.ClientTests.NSwag;

namespace HuiFang.ClientTests;

/// <summary>
/// The C# client NSwag generates from openapi/huifang.v1.json (System.Text.Json) against the running service:
/// what an integrator who generates one gets.
/// </summary>
public sealed class NSwagClientTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private readonly HuiFangNSwagClient _client = new(host.CreateHttpClient());

    [Fact]
    public async Task Creates_reads_and_lists_a_visit_task()
    {
        var suffix = Unique.Suffix();
        var created = await _client.CreateVisitTaskAsync(NewTask(suffix, ContactChannel.Sms));

        Assert.Equal(VisitTaskStatus.Assigned, created.Status);
        Assert.Equal(ContactChannel.Sms, created.Channel);
        Assert.Equal($"WO-{suffix}", created.ServiceRecord.WorkOrderNo);

        var read = await _client.GetVisitTaskAsync(created.Id);
        Assert.Equal(created.Id, read.Id);
        Assert.Equal(ContactChannel.Sms, read.Channel);
        Assert.Equal(VisitPurpose.AfterSales, read.Purpose);
        Assert.Equal("agent-07", read.Assignee);
        Assert.True(read.DueWindow.By > read.DueWindow.From);

        var page = await _client.ListVisitTasksAsync(customerId: $"C-{suffix}", channel: ContactChannel.Sms);
        Assert.Equal(created.Id, Assert.Single(page.Items).Id);
        Assert.Null(page.NextCursor);
        Assert.Empty((await _client.ListVisitTasksAsync(customerId: $"C-{suffix}", channel: ContactChannel.Email)).Items);
    }

    [Fact]
    public async Task Sets_and_reads_back_nullable_enums()
    {
        var suffix = Unique.Suffix();
        var request = NewTask(suffix, channel: null);
        request.Customer.PreferredChannel = ContactChannel.Email;
        var withPreferred = await _client.CreateVisitTaskAsync(request);

        // No channel sent: the task takes the customer's preferred one, and both read back as enums.
        var read = await _client.GetVisitTaskAsync(withPreferred.Id);
        Assert.Equal(ContactChannel.Email, read.Channel);
        Assert.Equal(ContactChannel.Email, read.Customer.PreferredChannel);

        var other = Unique.Suffix();
        var withoutPreferred = await _client.CreateVisitTaskAsync(NewTask(other, ContactChannel.OnSite));
        var readOther = await _client.GetVisitTaskAsync(withoutPreferred.Id);
        Assert.Equal(ContactChannel.OnSite, readOther.Channel);
        Assert.Null(readOther.Customer.PreferredChannel);
    }

    [Fact]
    public async Task A_refused_request_is_the_clients_validation_problem()
    {
        var request = NewTask(Unique.Suffix(), ContactChannel.Phone);
        request.Customer.Name = "";
        request.ServiceRecord.CompletedAt = DateTimeOffset.UtcNow.AddDays(3);

        var refused = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() => _client.CreateVisitTaskAsync(request));

        Assert.Equal((int)HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = refused.Result;
        Assert.Equal("urn:huifang:problem:validation", problem.Type);
        Assert.Equal("validation", problem.Code);
        Assert.Equal(400, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.TraceId));
        Assert.Contains("customer.name", problem.Errors.Keys);
        Assert.Contains("serviceRecord.completedAt", problem.Errors.Keys);
    }

    [Fact]
    public async Task An_unknown_task_is_the_clients_problem_with_its_code()
    {
        var missing = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => _client.GetVisitTaskAsync(Guid.NewGuid()));

        Assert.Equal((int)HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("visit-task-not-found", missing.Result.Code);
    }

    [Fact]
    public async Task Sends_and_reads_lists_of_enums()
    {
        var created = await _client.CreateVisitTaskAsync(NewTask(Unique.Suffix(), ContactChannel.Phone));
        await _client.RecordFeedbackAsync(created.Id, new FeedbackInput { Score = 5, Categories = [FeedbackCategory.Praise, FeedbackCategory.Suggestion] });

        var page = await _client.ListFeedbackAsync(taskId: created.Id);
        Assert.Equal([FeedbackCategory.Praise, FeedbackCategory.Suggestion], Assert.Single(page.Items).Categories);

        var policy = await _client.GetSurveyPolicyAsync();
        Assert.Equal([ContactChannel.Sms, ContactChannel.Email, ContactChannel.App, ContactChannel.Questionnaire], policy.Policy.AutoInviteChannels);
    }

    private static CreateVisitTask NewTask(string suffix, ContactChannel? channel) => new()
    {
        Customer = new CustomerInput { ExternalId = $"C-{suffix}", Name = "王先生", Phone = "13812345678" },
        ServiceRecord = new ServiceRecordInput
        {
            WorkOrderNo = $"WO-{suffix}",
            ServiceType = "Repair",
            Description = "空调故障维修",
            CompletedAt = Unique.CompletedAt(),
            Staff = "李师傅",
            Department = "AfterSales",
        },
        Purpose = VisitPurpose.AfterSales,
        Channel = channel,
        Assignee = "agent-07",
    };
}
