package dev.weft.model.choice;

/**
 * One backend the user can switch to: the embedded model, a profile of the config file, or a
 * model file another tool keeps on this machine ({@code weft models}).
 *
 * @param name  what {@code :set backend NAME} and the status bar call it
 * @param kind  where it comes from
 * @param what  a line saying what it is (kind, model, address or file), without any key
 * @param reach whether it answers, as far as is known yet
 */
public record ModelChoice(String name, Kind kind, String what, Reach reach) {

    public enum Kind {
        EMBEDDED("embedded"),
        PROFILE("profile"),
        MODEL_FILE("model file");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ModelChoice {
        if (name == null || kind == null || what == null || reach == null) {
            throw new IllegalArgumentException("a model choice needs a name, a kind, a description and a reach");
        }
    }

    public ModelChoice withReach(Reach r) {
        return new ModelChoice(name, kind, what, r);
    }

    /** Whether its reachability is still to be probed. */
    public boolean unprobed() {
        return reach.status() == Reach.Status.CHECKING;
    }
}
