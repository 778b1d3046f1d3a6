using System.Globalization;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Customers;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Customers;
using HuiFang.Api.Services.Questionnaires;
using HuiFang.Api.Services.Surveys;
using HuiFang.Api.Services.Tenants;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.SurveyPage;

/// <summary>What the page answers, before it is written as HTML or as a problem.</summary>
public abstract record PageOutcome(int Status, string Language);

public sealed record FormPage(PageSurvey Survey, PageForm Form, int Status = StatusCodes.Status200OK) : PageOutcome(Status, Survey.Language);

public sealed record ThanksPage(PageSurvey Survey, bool FollowUp, bool OptedOut) : PageOutcome(StatusCodes.Status200OK, Survey.Language);

public sealed record OptedOutPage(PageSurvey Survey) : PageOutcome(StatusCodes.Status200OK, Survey.Language);

public sealed record AnsweredPage(PageSurvey Survey, string AnsweredOn, IReadOnlyList<PageAnswerLine> Answer, int Status) : PageOutcome(Status, Survey.Language);

/// <summary>Expired, revoked, unknown, tampered, or its task closed another way: one page for all, so a guess learns nothing.</summary>
public sealed record ExpiredPage(string Language) : PageOutcome(StatusCodes.Status410Gone, Language);

/// <summary>
/// The survey behind a link: what the page shows (GET, which never writes anything) and what the customer's
/// answer does (POST). The answer runs the very command an agent's call runs
/// (<see cref="SurveyFeedback"/>), as <see cref="SurveyCaller"/> of the invitation's tenant, inside one transaction that also
/// marks the invitation answered (and records "don't ask me again" when ticked): verdict, escalation, revisit,
/// events and reports follow exactly as for a call, or nothing is written at all.
/// <para>
/// The page's language is the invitation's, else the tenant's survey default, else the browser's
/// (<c>Accept-Language</c>); it shows the organisation and what the visit was about, never who the customer is.
/// </para>
/// </summary>
public sealed class SurveyPageService(
    HuiFangDbContext db,
    SurveyInvitations invitations,
    CurrentCaller caller,
    TenantSettings tenant,
    QuestionnaireCatalog questionnaires,
    ContactPreferences contacts,
    SurveyFeedback feedback,
    SurveyInviting inviting,
    TimeProvider clock)
{
    /// <summary>What <c>GET /s/{token}</c> shows; <paramref name="preselect"/> is the overall score a one-tap link carries (<c>?s=4</c>).</summary>
    public async Task<PageOutcome> ShowAsync(string token, int? preselect, string browserLanguage, CancellationToken cancellationToken)
    {
        var found = await FindAsync(token, browserLanguage, cancellationToken);
        if (found.Outcome is { } early)
        {
            return early;
        }

        var (invitation, task, survey, _) = found.Survey!.Value;
        if (invitation.Status == SurveyInvitationStatus.Answered)
        {
            return await AnsweredAsync(invitation, survey, StatusCodes.Status200OK, cancellationToken);
        }

        if (!IsAnswerable(invitation, task))
        {
            return new ExpiredPage(survey.Language);
        }

        var form = PageForm.Empty;
        if (preselect is >= 1 and <= 5 && survey.Questions.FirstOrDefault(q => q.IsOverall) is { } overall)
        {
            form = form with { Values = new Dictionary<string, IReadOnlyList<string>> { [overall.Field] = [preselect.Value.ToString(CultureInfo.InvariantCulture)] } };
        }

        return new FormPage(survey, form);
    }

    /// <summary>What <c>POST /s/{token}</c> does with the customer's form (already checked for size and antiforgery).</summary>
    public async Task<PageOutcome> AnswerAsync(string token, IFormCollection fields, string browserLanguage, CancellationToken cancellationToken)
    {
        var found = await FindAsync(token, browserLanguage, cancellationToken);
        if (found.Outcome is { } early)
        {
            return early;
        }

        var (invitation, task, survey, content) = found.Survey!.Value;
        if (invitation.Status == SurveyInvitationStatus.Answered)
        {
            return await AnsweredAsync(invitation, survey, StatusCodes.Status409Conflict, cancellationToken);
        }

        if (!IsAnswerable(invitation, task))
        {
            return new ExpiredPage(survey.Language);
        }

        // The command's own messages (a too long answer, an unknown option) in the page's language.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(survey.Language);
        var doNotContact = fields["doNotContact"].Contains("true", StringComparer.Ordinal);
        var sent = survey.Questions.ToDictionary(q => q.Field, q => (IReadOnlyList<string>)fields[q.Field].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList());
        var (answers, pageErrors) = ReadAnswers(survey, sent);

        // "Don't ask me again" on its own: the customer owes no answer to be left alone. The link and the task go with the
        // flag, in one transaction: no reminder, no phone visit at expiry (a complaint follow-up's task stays).
        if (doNotContact && answers.Count == 0 && pageErrors.Count == 0)
        {
            await using var optOut = await db.Database.BeginTransactionAsync(cancellationToken);
            await inviting.WithdrawForOptOutAsync(invitation, cancellationToken);
            await contacts.SetDoNotContactAsync(invitation.CustomerExternalId, true, ContactPreferenceSource.Survey, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await Transactions.CommitAsync(optOut, cancellationToken);
            return new OptedOutPage(survey);
        }

        if (pageErrors.Count > 0)
        {
            // The command is not run, so say here what it would say as well: every required question left out.
            foreach (var q in survey.Questions.Where(q => (q.Required || q.IsOverall) && sent[q.Field].Count == 0))
            {
                pageErrors.TryAdd(q.Key, PageTexts.Get(survey.Language, "error.required"));
            }

            return new FormPage(survey, new PageForm(sent, pageErrors, doNotContact), StatusCodes.Status400BadRequest);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recorded = await feedback.RecordAsync(invitation.TaskId, answers, cancellationToken);
        if (!recorded.IsSuccess)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return recorded.Error!.Kind == ErrorKind.Validation
                ? new FormPage(survey, new PageForm(sent, FieldErrors(survey, sent, answers, recorded.Error), doNotContact), StatusCodes.Status400BadRequest)
                : await AfterLostRaceAsync(token, survey, cancellationToken);
        }

        var now = clock.GetUtcNow();
        if (!invitation.Answer(recorded.Value!.FeedbackId, now).IsSuccess)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return new ExpiredPage(survey.Language);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (doNotContact)
            {
                await contacts.SetDoNotContactAsync(invitation.CustomerExternalId, true, ContactPreferenceSource.Survey, null, cancellationToken);
            }

            await Transactions.CommitAsync(transaction, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another answer of the same link won: this one is undone, and the customer sees the one that stands.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return await AfterLostRaceAsync(token, survey, cancellationToken);
        }

        return new ThanksPage(survey, recorded.Value.Escalated, doNotContact);
    }

    /// <summary>
    /// The invitation behind the token and what the page shows about it, as the survey caller of its tenant; or the
    /// expired page when there is none to show.
    /// </summary>
    private async Task<(PageOutcome? Outcome, (SurveyInvitation Invitation, VisitTask Task, PageSurvey Survey, QuestionnaireContent Content)? Survey)> FindAsync(
        string token, string browserLanguage, CancellationToken cancellationToken)
    {
        var invitation = await invitations.FindOpenOrAnyByTokenAsync(token, cancellationToken);
        if (invitation is null || invitation.Status is SurveyInvitationStatus.Expired or SurveyInvitationStatus.Revoked)
        {
            return (new ExpiredPage(browserLanguage), null);
        }

        caller.Set(SurveyCaller.For(invitation));
        var task = await db.VisitTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == invitation.TaskId, cancellationToken);
        if (task is null)
        {
            return (new ExpiredPage(browserLanguage), null);
        }

        var language = PageTexts.Normalize(invitation.Language) ?? await TenantLanguageAsync(cancellationToken) ?? browserLanguage;
        var pinned = await questionnaires.ForTaskAsync(task, cancellationToken);
        var organisation = await db.Tenants.AsNoTracking().Where(t => t.Id == invitation.TenantId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var about = PageTexts.Get(language, "about", PageTexts.ServiceType(language, task.ServiceType), PageTexts.Date(language, calendar.LocalDate(task.ServiceCompletedAt)));
        var survey = new PageSurvey(
            language,
            string.IsNullOrWhiteSpace(organisation) ? invitation.TenantId : organisation,
            pinned.Content.Title.For(language),
            pinned.Content.Intro?.For(language),
            about,
            [.. pinned.Content.Questions.Select(q => ToPage(q, language))]);
        return (null, (invitation, task, survey, pinned.Content));
    }

    /// <summary>The tenant's default survey language (its survey policy's).</summary>
    private async Task<string?> TenantLanguageAsync(CancellationToken cancellationToken) =>
        PageTexts.Normalize((await tenant.GetSurveyPolicyAsync(cancellationToken)).DefaultLanguage);

    private bool IsAnswerable(SurveyInvitation invitation, VisitTask task) =>
        invitation.IsOpenAt(clock.GetUtcNow()) && task.Status is VisitTaskStatus.Pending or VisitTaskStatus.Assigned;

    /// <summary>A concurrent answer, or the task closed meanwhile: show what stands now.</summary>
    private async Task<PageOutcome> AfterLostRaceAsync(string token, PageSurvey survey, CancellationToken cancellationToken)
    {
        // The lost attempt was rolled back, but the context still tracks the invitation as it read it (Open): a query
        // would hand back that stale copy instead of the winner's Answered row, and the customer would see a dead link.
        db.ChangeTracker.Clear();
        var invitation = await invitations.FindOpenOrAnyByTokenAsync(token, cancellationToken);
        return invitation is { Status: SurveyInvitationStatus.Answered }
            ? await AnsweredAsync(invitation, survey, StatusCodes.Status409Conflict, cancellationToken)
            : new ExpiredPage(survey.Language);
    }

    private async Task<PageOutcome> AnsweredAsync(SurveyInvitation invitation, PageSurvey survey, int status, CancellationToken cancellationToken)
    {
        var lang = survey.Language;
        var feedback = invitation.FeedbackId is { } id
            ? await db.FeedbackRecords.AsNoTracking().Where(f => f.Id == id).Select(f => new { f.Score, f.Comment, f.Answers }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var on = PageTexts.Date(lang, calendar.LocalDate(invitation.AnsweredAt ?? invitation.CreatedAt));
        var lines = new List<PageAnswerLine>();
        if (feedback?.Answers is { Count: > 0 } answers)
        {
            // The answers as the customer gave them, each under its question (the task's questionnaire version,
            // the one they answered), in the page's language.
            lines.AddRange(answers.Select(a => AnswerLine(survey, a)));
        }
        else if (feedback is not null)
        {
            lines.Add(new(PageTexts.Get(lang, "answered.score"), ScoreText(lang, feedback.Score)));
            if (!string.IsNullOrWhiteSpace(feedback.Comment))
            {
                lines.Add(new(PageTexts.Get(lang, "answered.comment"), feedback.Comment));
            }
        }

        return new AnsweredPage(survey, on, lines, status);
    }

    private static string ScoreText(string lang, int score) =>
        $"{score} / 5 · {PageTexts.Get(lang, "score." + score.ToString(CultureInfo.InvariantCulture))}";

    private static PageAnswerLine AnswerLine(PageSurvey survey, GivenAnswer answer)
    {
        var lang = survey.Language;
        var question = survey.Questions.FirstOrDefault(q => q.Key == answer.Question);
        var value = (Enum.TryParse<QuestionKind>(answer.Kind, out var kind) ? kind : (QuestionKind?)null) switch
        {
            QuestionKind.OverallScore or QuestionKind.DimensionScore when answer.Score is { } s and >= 1 and <= 5 => ScoreText(lang, s),
            QuestionKind.Nps when answer.Score is { } s => $"{s.ToString(CultureInfo.InvariantCulture)} / 10",
            QuestionKind.YesNo when answer.Yes is { } yes => PageTexts.Get(lang, yes ? "yes" : "no"),
            QuestionKind.SingleChoice or QuestionKind.MultipleChoice when answer.Choices is { } choices =>
                string.Join(lang == "zh-CN" ? "、" : ", ", choices.Select(c => question?.Options.FirstOrDefault(o => o.Key == c)?.Label ?? c)),
            _ => answer.Text ?? answer.Score?.ToString(CultureInfo.InvariantCulture) ?? "",
        };
        return new(question?.Text ?? answer.Question, value);
    }

    private static PageQuestion ToPage(Question q, string language) => new(
        q.Key,
        q.Kind switch
        {
            QuestionKind.OverallScore or QuestionKind.DimensionScore => PageQuestionKind.Score,
            QuestionKind.YesNo => PageQuestionKind.YesNo,
            QuestionKind.SingleChoice => PageQuestionKind.SingleChoice,
            QuestionKind.MultipleChoice => PageQuestionKind.MultipleChoice,
            QuestionKind.Nps => PageQuestionKind.Nps,
            _ => PageQuestionKind.FreeText,
        },
        q.Required,
        q.Text.For(language),
        [.. q.Options.Select(o => new PageOption(o.Key, o.Label.For(language)))],
        q.Kind == QuestionKind.OverallScore);

    /// <summary>
    /// The form's fields as the command's answers. What the command cannot even be given (a score that is not a
    /// number, a yes/no that is neither) is the page's own error; everything else — required answers, unknown
    /// options, lengths — the command checks, exactly as for an agent.
    /// </summary>
    private static (List<PageAnswer> Answers, Dictionary<string, string> Errors) ReadAnswers(PageSurvey survey, IReadOnlyDictionary<string, IReadOnlyList<string>> sent)
    {
        var answers = new List<PageAnswer>();
        var errors = new Dictionary<string, string>();
        foreach (var q in survey.Questions)
        {
            var values = sent[q.Field];
            if (values.Count == 0)
            {
                continue;
            }

            switch (q.Kind)
            {
                case PageQuestionKind.Score or PageQuestionKind.Nps:
                    if (values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var score) && values[0].Length <= 2)
                    {
                        answers.Add(new PageAnswer(q.Key, Score: score));
                    }
                    else
                    {
                        errors[q.Key] = PageTexts.Get(survey.Language, "error.invalid");
                    }

                    break;
                case PageQuestionKind.YesNo:
                    if (values is ["yes"] or ["no"])
                    {
                        answers.Add(new PageAnswer(q.Key, Yes: values[0] == "yes"));
                    }
                    else
                    {
                        errors[q.Key] = PageTexts.Get(survey.Language, "error.invalid");
                    }

                    break;
                case PageQuestionKind.SingleChoice or PageQuestionKind.MultipleChoice:
                    answers.Add(new PageAnswer(q.Key, Choices: values));
                    break;
                default:
                    answers.Add(new PageAnswer(q.Key, Text: values[0]));
                    break;
            }
        }

        return (answers, errors);
    }

    /// <summary>
    /// The command's validation errors next to the questions they name (<c>answers[{key}]</c>, or
    /// <c>answers[{index}].text</c> for the shape of one answer, which is the answer sent at that index); a required question
    /// left out reads "please answer this question", anything else as the command says it. An error naming no
    /// question lands on the overall score, the one question every questionnaire has.
    /// </summary>
    private static Dictionary<string, string> FieldErrors(PageSurvey survey, IReadOnlyDictionary<string, IReadOnlyList<string>> sent, IReadOnlyList<PageAnswer> answers, Error error)
    {
        var errors = new Dictionary<string, string>();
        var all = error.ValidationErrors ?? error.FieldRules?.ToDictionary(r => r.Key, r => new[] { Messages.Get(r.Value) }) ?? new Dictionary<string, string[]>();
        foreach (var (field, messages) in all)
        {
            var key = field.StartsWith("answers[", StringComparison.Ordinal) && field.IndexOf(']') is > 8 and var end ? field[8..end] : null;
            if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < answers.Count)
            {
                key = answers[index].Question;
            }

            var question = survey.Questions.FirstOrDefault(q => q.Key == key) ?? survey.Questions.FirstOrDefault(q => q.IsOverall) ?? survey.Questions[0];
            if (errors.ContainsKey(question.Key))
            {
                continue;
            }

            errors[question.Key] = sent[question.Field].Count == 0
                ? PageTexts.Get(survey.Language, "error.required")
                : messages.FirstOrDefault() ?? PageTexts.Get(survey.Language, "error.invalid");
        }

        if (errors.Count == 0)
        {
            var overall = survey.Questions.FirstOrDefault(q => q.IsOverall) ?? survey.Questions[0];
            errors[overall.Key] = Messages.Get(error.MessageKey, error.Args);
        }

        return errors;
    }
}
