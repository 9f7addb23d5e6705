package dev.weft.model;

/** Polled by backends between tokens; true means stop and keep what arrived. */
@FunctionalInterface
public interface Cancellation {
    Cancellation NEVER = () -> false;

    boolean isCancelled();
}
