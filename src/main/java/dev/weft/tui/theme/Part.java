package dev.weft.tui.theme;

/**
 * The styled pieces of the screen, each with its key in a theme file and the style it has
 * when a theme does not mention it (attributes only, so it reads on any background).
 */
public enum Part {
    TEXT("text", ""),
    PROMPT("prompt", ""),
    EDITED("edited", "italic"),
    SWAP("swap", "underline"),
    BOUNDARY("boundary", "dim"),
    CURSOR("cursor", "reverse"),
    CUT("cut", "dim"),
    RUNNING("running", "dim"),
    STATUS("status", "reverse"),
    STATUS_ACCENT("status.accent", "reverse bold"),
    HINT("hint", "dim"),
    HINT_KEY("hint.key", "bold"),
    ERROR("error", "bold"),
    NOTICE("notice", ""),
    POPUP("popup", ""),
    POPUP_BORDER("popup.border", ""),
    POPUP_SELECTED("popup.selected", "reverse"),
    POPUP_CHOSEN("popup.chosen", "bold"),
    BAR("bar", ""),
    OUTLINE("outline", "bold"),
    HEADING("heading", "bold"),
    TREE_GUIDE("tree.guide", "dim"),
    TREE_SELECTED("tree.selected", "reverse"),
    TREE_PATH("tree.path", "bold"),
    BOOKMARK("bookmark", "bold"),
    UNREAD("unread", "bold"),
    TAG("tag", "italic"),
    MATCH("match", "underline"),
    CARET("caret", "reverse"),
    MUTED("muted", "dim");

    private final String key;
    private final Style fallback;

    Part(String key, String fallback) {
        this.key = key;
        this.fallback = Style.parse(fallback);
    }

    public String key() {
        return key;
    }

    Style fallback() {
        return fallback;
    }

    static Part byKey(String key) {
        for (Part p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        return null;
    }
}
