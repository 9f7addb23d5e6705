package dev.weft.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.nio.file.Path;

/** The constants of the session format (see weft-session(5)) and the JSON settings shared by file and journal. */
final class SessionFormat {
    static final String FORMAT = "weft-session";
    /** Bumped on any change an older weft would misread; older versions stay readable. */
    static final int VERSION = 2;
    static final String JOURNAL_SUFFIX = ".journal";

    /**
     * Duplicate fields are errors (a hand edit must not silently shadow a value); DEL, C1
     * controls and bidi overrides are escaped like C0 ones, so printing a session file with cat
     * cannot drive the terminal even though it holds untrusted model output.
     */
    static final JsonFactory JSON = new JsonFactoryBuilder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // callers own the streams: a save must fsync after the JSON is written
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Schubfach and FastDoubleParser: exact like the JDK's, several times faster on a million floats
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            // emoji as UTF-8 rather than escaped surrogate pairs: the file is for people to read
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .characterEscapes(new TerminalSafeEscapes())
            .build();

    private SessionFormat() {}

    static Path journalOf(Path sessionFile) {
        return sessionFile.resolveSibling(sessionFile.getFileName() + JOURNAL_SUFFIX);
    }
}
