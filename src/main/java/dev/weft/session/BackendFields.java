package dev.weft.session;

import dev.weft.analysis.AnalysisRecord;

/**
 * The profile, backend and model fields of a journal's backend entry and of an analysis run's side,
 * read in one place: each is required and named in the error when missing.
 */
final class BackendFields {
    private String profile;
    private String backend;
    private String model;

    /** Reads {@code name}'s value when it is one of the three; false for any other field. */
    boolean read(JsonInput in, String name) throws SessionException {
        switch (name) {
            case "profile" -> profile = in.string("\"profile\"");
            case "backend" -> backend = in.string("\"backend\"");
            case "model" -> model = in.string("\"model\"");
            default -> {
                return false;
            }
        }
        return true;
    }

    private void require(JsonInput in, JsonInput.Mark start, String where) throws SessionException {
        in.require(start, where, "profile", profile);
        in.require(start, where, "backend", backend);
        in.require(start, where, "model", model);
    }

    /** A journal's backend entry. */
    BackendUse use(JsonInput in, JsonInput.Mark start) throws SessionException {
        require(in, start, "this backend entry");
        try {
            return new BackendUse(profile, backend, model);
        } catch (IllegalArgumentException e) {
            throw in.error(start, e.getMessage());
        }
    }

    /** An analysis run's side. */
    AnalysisRecord.Side side(JsonInput in, JsonInput.Mark start, String where) throws SessionException {
        require(in, start, where);
        return new AnalysisRecord.Side(profile, backend, model);
    }
}
