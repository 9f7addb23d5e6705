package dev.weft.cli;

import picocli.CommandLine;

/** Bad usage: one line naming the problem and where to get help, exit 2. */
final class UsageErrorReporter implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("weft: " + e.getMessage() + " (see 'weft "
                + (cli.getParent() == null ? "" : cli.getCommandName() + " ") + "--help')");
        return 2;
    }
}
