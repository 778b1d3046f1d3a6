namespace HuiFang.Api.Domain.Escalations;

/// <summary>A stretch of time the SLA clocks stood still, waiting on the customer; <see cref="To"/> is null while it lasts.</summary>
public sealed record EscalationPauseSpan(DateTimeOffset From, DateTimeOffset? To, string? Reason)
{
    /// <summary>The stretch as the SLA clock counts it.</summary>
    public SlaPauseSpan Span => new(From, To);

    /// <summary>
    /// The pauses of a cycle, read from the progress column: each Pause note opens one, the next Resume
    /// note of the cycle ends it (none yet: it lasts). The notes are the record; nothing else stores pauses.
    /// </summary>
    public static IReadOnlyList<EscalationPauseSpan> FromNotes(IEnumerable<EscalationNote> notes, int cycle)
    {
        var pauses = new List<EscalationPauseSpan>();
        EscalationNote? open = null;
        foreach (var note in notes.Where(n => n.Cycle == cycle && n.Kind is EscalationNoteKind.Pause or EscalationNoteKind.Resume)
                     .OrderBy(n => n.At).ThenBy(n => n.Kind == EscalationNoteKind.Resume))
        {
            if (note.Kind == EscalationNoteKind.Pause)
            {
                open ??= note;
            }
            else if (open is not null)
            {
                pauses.Add(new EscalationPauseSpan(open.At, note.At, open.Text));
                open = null;
            }
        }

        if (open is not null)
        {
            pauses.Add(new EscalationPauseSpan(open.At, null, open.Text));
        }

        return pauses;
    }
}
