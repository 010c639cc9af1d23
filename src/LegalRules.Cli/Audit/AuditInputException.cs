using System;

namespace LegalRules.Cli.Audit;

/// <summary>
/// The audit's input is unusable (a missing path, a bad date, an unreadable registry file). The
/// message says what and where; the command exits with code 2 and writes no report.
/// </summary>
internal sealed class AuditInputException : Exception
{
    public AuditInputException(string message)
        : base(message)
    {
    }

    public AuditInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AuditInputException()
    {
    }
}
