package dev.weft.cli;

/** Bad usage found after parsing (e.g. an option value only the command can check): exit 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
