package dev.weft.cli;

import picocli.CommandLine.Option;

/** How results are printed: JSON for scripts, coloured text for people. */
final class OutputOptions {
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--no-color", description = "No colour (also when NO_COLOR is set or stdout is not a terminal).")
    boolean noColor;

    ColorDepth colorDepth() {
        return ColorDepth.detect(noColor, System.getenv(), System.console() != null);
    }
}
