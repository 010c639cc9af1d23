using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Where a process allocates, from the allocation ticks of a trace taken with
// `dotnet-trace collect --profile gc-verbose` (one tick per ~100 KB allocated, with its stack).
// Each tick is counted for the innermost frame of its stack whose "module!method" matches the
// pattern (LegalRules' analyzers by default): what the rules allocate, and what the compiler
// allocates for them when they ask it a question (binding, operations).
if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: LegalRules.AllocationTicks TRACE.nettrace [FRAME-PATTERN] [TOP]");
    return 2;
}

if (!System.IO.File.Exists(args[0]))
{
    Console.Error.WriteLine($"no trace at '{args[0]}': take one with dotnet-trace collect --profile gc-verbose -o TRACE.nettrace -- COMMAND");
    return 2;
}

var pattern = new Regex(args.Length > 1 ? args[1] : @"^LegalRules\.Analyzers!", RegexOptions.CultureInvariant);
var top = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;
using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
var byFrame = new Dictionary<string, double>(StringComparer.Ordinal);
var byFrameAndType = new Dictionary<string, double>(StringComparer.Ordinal);
double total = 0, matched = 0;
foreach (var traceEvent in log.Events)
{
    if (traceEvent is not GCAllocationTickTraceData tick)
    {
        continue;
    }

    var megabytes = tick.AllocationAmount64 / 1e6;
    total += megabytes;
    string? frame = null;
    for (var caller = traceEvent.CallStack(); caller is not null; caller = caller.Caller)
    {
        var name = caller.CodeAddress.ModuleName + "!" + caller.CodeAddress.FullMethodName;
        if (pattern.IsMatch(name))
        {
            frame = name;
            break;
        }
    }

    if (frame is null)
    {
        continue;
    }

    matched += megabytes;
    byFrame[frame] = byFrame.GetValueOrDefault(frame) + megabytes;
    var withType = frame + "  <" + tick.TypeName + ">";
    byFrameAndType[withType] = byFrameAndType.GetValueOrDefault(withType) + megabytes;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocation ticks: {total:0.0} MB in all, {matched:0.0} MB under frames matching {pattern}"));
foreach (var (frame, megabytes) in byFrame.OrderByDescending(p => p.Value).Take(top))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{megabytes,8:0.0} MB  {frame}"));
}

Console.WriteLine("by frame and type:");
foreach (var (frame, megabytes) in byFrameAndType.OrderByDescending(p => p.Value).Take(top))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{megabytes,8:0.0} MB  {frame}"));
}

return 0;
