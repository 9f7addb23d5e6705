package dev.weft.session;

/**
 * A backend the session was explored with: enough to find it again for a replay, never a key.
 *
 * @param profile the name the user knows it by (a config profile), or the backend kind when unnamed
 * @param backend backend kind, e.g. "embedded", "openai-completions"
 * @param model   model name as the backend knows it
 */
public record BackendUse(String profile, String backend, String model) {
    public BackendUse {
        if (profile == null || profile.isEmpty() || backend == null || backend.isEmpty() || model == null) {
            throw new IllegalArgumentException("a backend use needs a profile, a backend kind and a model");
        }
    }
}
