using System.CommandLine;
using Greenhouse.FlashKit;

return FlashKitCli.Build(new NanoffProcess(), Console.Out).Parse(args).Invoke();
