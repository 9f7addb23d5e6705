package dev.weft.cli;

import dev.weft.loom.DisplayText;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import java.util.List;

/** A sampled completion as one line of plain output: newlines shown as ↵, tokens coloured by probability. */
final class SampleLine {
    private SampleLine() {}

    /** At most {@code width} columns: a sample that does not fit ends in …. */
    static String of(Completion sample, int width, AnsiSpectrum spectrum) {
        StringBuilder line = new StringBuilder();
        int used = 0;
        List<Token> tokens = sample.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            String shown = DisplayText.token(tokens.get(i).text());
            int w = TextWidth.of(shown);
            boolean last = i == tokens.size() - 1;
            if (used + w > (last ? width : width - 1)) {
                return line.append("…").toString();
            }
            line.append(spectrum.paint(shown, tokens.get(i).probability()));
            used += w;
        }
        return line.toString();
    }
}
