// pwsh's entry point: PowerShell's console host with the command line as given (e.g. -NoProfile -Command exit).
return Microsoft.PowerShell.ConsoleShell.Start(null, null, args);
