package dev.weft.session;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The backends a session was explored with, by profile name: the file's {@code backends}
 * section. Names only; keys live in the environment or the config file, never here.
 */
public record SessionBackends(SortedMap<String, Profile> profiles) {
    public static final SessionBackends NONE = new SessionBackends(new TreeMap<>());

    /** A profile's backend kind (as last used) and every model used through it, sorted. */
    public record Profile(String backend, List<String> models) {
        public Profile {
            models = List.copyOf(new TreeSet<>(models));
        }
    }

    public SessionBackends {
        profiles = Collections.unmodifiableSortedMap(new TreeMap<>(profiles));
    }

    public SessionBackends plus(BackendUse use) {
        Profile old = profiles.get(use.profile());
        TreeSet<String> models = new TreeSet<>();
        // a profile pointed at another backend kind is a new definition: its old models no longer apply
        if (old != null && old.backend().equals(use.backend())) {
            models.addAll(old.models());
        }
        models.add(use.model());
        SortedMap<String, Profile> next = new TreeMap<>(profiles);
        next.put(use.profile(), new Profile(use.backend(), List.copyOf(models)));
        return new SessionBackends(next);
    }
}
