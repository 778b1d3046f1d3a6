using HuiFang.FaultRun;

// .ci/fault-test runs this against servers it started; see the README's "Fault test" section.
//   HuiFang.FaultRun --api-dir <folder of HuiFang.Api.dll> --work <dir> --postgres <Npgsql connection string>
//                    --amqp <amqp uri> --api-port <port>
// The servers are restarted through the shell commands in FAULTRUN_BROKER_STOP, FAULTRUN_BROKER_KILL,
// FAULTRUN_BROKER_START, FAULTRUN_POSTGRES_RESTART ({mode} is replaced by fast or immediate) and
// FAULTRUN_POSTGRES_READ_ONLY ({value}: on or off).
// HUIFANG_FAULT_SEED replays a run; HUIFANG_FAULT_COUNT and HUIFANG_FAULT_WORKERS size it.
try
{
    return await FaultRun.RunAsync(Settings.From(args));
}
catch (SettingsException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
