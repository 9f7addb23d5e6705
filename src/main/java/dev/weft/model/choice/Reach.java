package dev.weft.model.choice;

/** Whether a backend answers, in a word and a line: what the doctor's probe found, or that it is still asking. */
public record Reach(Status status, String text) {

    public enum Status {
        CHECKING("…"),
        READY("ok"),
        WARN("warn"),
        FAIL("FAIL");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The word the picker and the doctor show. */
        public String label() {
            return label;
        }
    }

    public static final Reach CHECKING = new Reach(Status.CHECKING, "checking…");

    public Reach {
        if (status == null || text == null) {
            throw new IllegalArgumentException("a reach needs a status and a text");
        }
    }

    public static Reach ready(String text) {
        return new Reach(Status.READY, text);
    }

    public static Reach fail(String text) {
        return new Reach(Status.FAIL, text);
    }
}
