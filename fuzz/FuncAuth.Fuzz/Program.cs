using FuncAuth.Fuzz;
using FuncAuth.Fuzz.Targets;
using SharpFuzz;

// Usage: FuncAuth.Fuzz <target>                 run under afl-fuzz (SharpFuzz's out-of-process fork server)
//        FuncAuth.Fuzz <target> --replay <path>...   run files (or every file in folders) once each and report, no AFL
//        FuncAuth.Fuzz <target> --write-seeds <dir>  write the hand-made starting inputs
var target = args.Length > 0 ? FuzzTarget.Find(args[0]) : null;
if (target is null || (args.Length > 1 && !(args is [_, "--replay", _, ..] or [_, "--write-seeds", _])))
{
    Console.Error.WriteLine(
        $"usage: FuncAuth.Fuzz <{string.Join('|', FuzzTarget.All.Select(t => t.Name))}> [--replay <file-or-folder>... | --write-seeds <dir>]");
    return 2;
}

if (args.Length > 1)
{
    return args[1] == "--replay" ? Replay.Run(target, args[2..]) : Seeds.Write(target, args[2]);
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
return 0;
