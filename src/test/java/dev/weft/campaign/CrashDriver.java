package dev.weft.campaign;

import dev.weft.session.RandomLooms;
import dev.weft.session.SessionStore;
import dev.weft.session.SessionView;
import java.nio.file.Path;

/**
 * The process the crash harness kills: it explores a session as the loom does (one journaled
 * action after another, a save every few), and reports on stdout each action once it is
 * durable ({@code journaled SEQ NODES}) and each save as it starts and ends, so the harness
 * knows what must survive and whether it killed a write.
 */
public final class CrashDriver {
    private CrashDriver() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            RandomLooms actions = RandomLooms.ended(seed);
            actions.continueFrom(store.loom());
            for (int i = 0; ; i++) {
                store.record(actions.step());
                System.out.println("journaled " + store.session().journalSeq() + " " + store.loom().size());
                if (i % 7 == 6) {
                    store.recordView(SessionView.START);
                    System.out.println("saving");
                    store.save();
                    System.out.println("saved");
                }
                System.out.flush();
            }
        }
    }
}
