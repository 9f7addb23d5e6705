package dev.weft.tui.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The session picker a plain {@code weft} opens with: the sessions of the folder new ones go to, most
 * recently changed first, each with its first line and node count as they are read; a filter narrows
 * them by name or first line.
 *
 * @param folder   where the sessions are, as shown
 * @param entries  every session found, most recent first
 * @param selected a row of {@link #visible()}
 * @param filter   the filter's text ("" shows all)
 * @param typing   keys type the filter
 * @param listedAt when the folder was listed: ages are measured from it
 */
public record SessionPicker(long request, String folder, List<Entry> entries, int selected, String filter,
                            boolean typing, Instant listedAt) {

    /**
     * One session file.
     *
     * @param firstLine its first prompt's first line, or null until it is read
     * @param nodes     its node count, or -1 until it is read
     * @param problem   why it could not be read, or null
     */
    public record Entry(String path, String name, long bytes, Instant changed, String firstLine, int nodes,
                        String problem) {
        public boolean isRead() {
            return nodes >= 0 || problem != null;
        }

        boolean matches(String filter) {
            String f = filter.toLowerCase(Locale.ROOT);
            return name.toLowerCase(Locale.ROOT).contains(f)
                    || firstLine != null && firstLine.toLowerCase(Locale.ROOT).contains(f);
        }
    }

    public SessionPicker {
        entries = List.copyOf(entries);
        int shown = visibleOf(entries, filter).size();
        selected = shown == 0 ? 0 : Math.max(0, Math.min(selected, shown - 1));
    }

    public static SessionPicker opening(long request, String folder) {
        return new SessionPicker(request, folder, List.of(), 0, "", false, Instant.EPOCH);
    }

    /** The entries the filter lets through, in order. */
    public List<Entry> visible() {
        return visibleOf(entries, filter);
    }

    private static List<Entry> visibleOf(List<Entry> entries, String filter) {
        return filter.isEmpty() ? entries : entries.stream().filter(e -> e.matches(filter)).toList();
    }

    /** The entry under the bar, or null when none is shown. */
    public Entry selectedEntry() {
        List<Entry> v = visible();
        return v.isEmpty() ? null : v.get(selected);
    }

    public SessionPicker withSelected(int row) {
        return new SessionPicker(request, folder, entries, row, filter, typing, listedAt);
    }

    public SessionPicker withFilter(String f, boolean keysType) {
        return new SessionPicker(request, folder, entries, 0, f, keysType, listedAt);
    }

    public SessionPicker listed(List<Entry> found, Instant at) {
        return new SessionPicker(request, folder, found, 0, filter, typing, at);
    }

    /** What reading one file found. */
    public SessionPicker read(String path, String firstLine, int nodes, String problem) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.path().equals(path) ? new Entry(e.path(), e.name(), e.bytes(), e.changed(), firstLine, nodes, problem) : e);
        }
        return new SessionPicker(request, folder, out, selected, filter, typing, listedAt);
    }
}
