package dev.weft.model;

import dev.weft.loom.Token;

/** Receives tokens as they are produced, for streaming into the tree. Called from the backend's thread. */
@FunctionalInterface
public interface TokenSink {
    TokenSink IGNORE = (choice, token) -> {};

    void accept(int choice, Token token);
}
