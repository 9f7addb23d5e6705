package dev.weft.model;

import dev.weft.loom.Piece;

/**
 * One of the most likely next tokens after a context, as a model that has the whole
 * distribution gives it.
 *
 * @param endsText true for a token that ends the text (nothing follows it)
 */
public record Continuation(Piece piece, double logprob, boolean endsText) {}
