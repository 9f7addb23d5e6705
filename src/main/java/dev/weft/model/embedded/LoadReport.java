package dev.weft.model.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How an embedded model came to be, for a status line: read from the cache or trained, how
 * long that took, and why the cache could not be written, if it could not (the model works
 * regardless; the next start trains again).
 */
public record LoadReport(Path cacheFile, boolean fromCache, Duration elapsed, Optional<String> cacheProblem) {}
