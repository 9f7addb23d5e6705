package dev.weft.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A PROMPT argument: the text itself, or '-' for standard input. */
final class PromptInput {
    private PromptInput() {}

    static String read(String argument) throws IOException {
        if (!"-".equals(argument)) {
            return argument;
        }
        return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
