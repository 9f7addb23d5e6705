package dev.weft.cli;

import picocli.CommandLine.Option;

/** How wide plain-text plots and charts are drawn. */
final class WidthOption {
    static final int DEFAULT = 80;

    @Option(names = "--width", paramLabel = "N",
            description = "Columns for plots and charts (default: $COLUMNS, else " + DEFAULT + ").")
    Integer width;

    int columns() {
        if (width != null) {
            if (width < 2 * BlockPlot.MIN_COLUMN) {
                throw new UsageException("--width must be at least " + 2 * BlockPlot.MIN_COLUMN + ", got " + width);
            }
            return width;
        }
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
            return columns >= 2 * BlockPlot.MIN_COLUMN ? columns : DEFAULT;
        } catch (NumberFormatException e) {
            return DEFAULT;
        }
    }
}
