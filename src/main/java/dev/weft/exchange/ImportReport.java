package dev.weft.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import says about the file, once per cause: a cause met at many places is one line with
 * a count and the first few places, and what weft has no home for is one summary line of counts
 * ("321 chapters, 9 images not carried over"), so a large tree does not drown the user.
 */
final class ImportReport {
    /** Places named per cause; the rest are counted. */
    static final int PLACES_SHOWN = 3;

    private final Map<String, List<String>> causes = new LinkedHashMap<>();
    private final Map<String, Integer> dropped = new LinkedHashMap<>();

    /** {@code cause} met at {@code place} (a path in the file). */
    void at(String place, String cause) {
        causes.computeIfAbsent(cause, c -> new ArrayList<>()).add(place);
    }

    /** {@code count} things of one kind ("chapters", "images") that weft has no home for. */
    void dropped(String what, int count) {
        if (count > 0) {
            dropped.merge(what, count, Integer::sum);
        }
    }

    /** The report's lines: one per cause, then the summary of what was not carried over. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        causes.forEach((cause, places) -> {
            StringBuilder line = new StringBuilder();
            if (places.size() == 1) {
                line.append(places.get(0)).append(": ").append(cause);
            } else {
                line.append(cause).append(" (").append(places.size()).append(" places: ")
                        .append(String.join(", ", places.subList(0, Math.min(PLACES_SHOWN, places.size()))))
                        .append(places.size() > PLACES_SHOWN ? ", …)" : ")");
            }
            out.add(line.toString());
        });
        if (!dropped.isEmpty()) {
            List<String> parts = new ArrayList<>();
            dropped.forEach((what, count) -> parts.add(count + " " + what));
            out.add("not carried over: " + String.join(", ", parts));
        }
        return out;
    }
}
