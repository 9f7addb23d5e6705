package dev.weft.cli;

import picocli.CommandLine;

/** A failure while running a command: one line on stderr, exit 1; the stack trace only with --debug. */
final class FailureReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean debug = parsed.hasMatchedOption("--debug") || parsed.subcommands().stream()
                .anyMatch(s -> s.hasMatchedOption("--debug"));
        if (e instanceof UsageException) {
            cli.getErr().println("weft: " + e.getMessage());
            return 2;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cli.getErr().println("weft: " + message.lines().findFirst().orElse(message));
        if (debug) {
            e.printStackTrace(cli.getErr());
        }
        return 1;
    }
}
