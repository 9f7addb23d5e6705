package dev.weft.loom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What a user (or the loom itself) marks on a node beyond its text: tags (any words, kept sorted
 * and without repeats), a free-text note, and whether the node is still unread (a model wrote it
 * and nobody has looked at it since).
 *
 * @param note "" when there is none
 */
public record NodeMarks(List<String> tags, String note, boolean unread) {
    public static final NodeMarks NONE = new NodeMarks(List.of(), "", false);
    /** The longest tag, in chars: a tag is a word, not a note. */
    public static final int MAX_TAG = 64;

    public NodeMarks {
        if (tags == null || note == null) {
            throw new IllegalArgumentException("node marks are missing a field");
        }
        for (String tag : tags) {
            String problem = tagProblem(tag);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        tags = List.copyOf(new TreeSet<>(tags));
    }

    /** Why {@code tag} is not a tag, or null when it is one: a word of visible characters. */
    public static String tagProblem(String tag) {
        if (tag == null || tag.isEmpty()) {
            return "a tag cannot be empty";
        }
        if (tag.length() > MAX_TAG) {
            return "a tag is a word of at most " + MAX_TAG + " characters, not " + tag.length();
        }
        for (int i = 0; i < tag.length(); ) {
            int cp = tag.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)
                    || Character.getType(cp) == Character.FORMAT) {
                return "a tag is one word: no spaces or control characters in \"" + DisplayText.safe(tag, false) + "\"";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    public boolean isEmpty() {
        return tags.isEmpty() && note.isEmpty() && !unread;
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    public NodeMarks withTags(Collection<String> more) {
        List<String> all = new ArrayList<>(tags);
        all.addAll(more);
        return new NodeMarks(all, note, unread);
    }

    public NodeMarks withoutTags(Collection<String> less) {
        List<String> kept = new ArrayList<>(tags);
        kept.removeAll(less);
        return new NodeMarks(kept, note, unread);
    }

    public NodeMarks withNote(String text) {
        return new NodeMarks(tags, text, unread);
    }

    public NodeMarks withUnread(boolean on) {
        return on == unread ? this : new NodeMarks(tags, note, on);
    }

    /** Both nodes' marks on one node (a join): every tag, both notes, unread if either was. */
    NodeMarks joinedWith(NodeMarks other) {
        String both = note.isEmpty() ? other.note : other.note.isEmpty() || other.note.equals(note) ? note
                : note + "\n" + other.note;
        List<String> all = new ArrayList<>(tags);
        all.addAll(other.tags);
        return new NodeMarks(all, both, unread || other.unread);
    }
}
