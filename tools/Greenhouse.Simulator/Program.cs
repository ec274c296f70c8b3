using Greenhouse.Simulator.Cli;

return CliApp.Invoke(args);
