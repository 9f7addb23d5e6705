package dev.weft.tui.update;

import dev.weft.analysis.MultiverseSettings;
import dev.weft.loom.SamplingParams;
import dev.weft.tui.command.Command;
import dev.weft.tui.command.CommandParser;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Settings;
import dev.weft.tui.theme.ColorDepth;
import dev.weft.tui.theme.ThemeLibrary;

/** Runs a {@code :} command line: settings change here; files, themes and backends become effects. */
final class Commands {
    private Commands() {}

    static void run(Step step, String line) {
        if (line == null || line.isBlank()) {
            return;
        }
        Command command;
        try {
            command = CommandParser.parse(line);
        } catch (IllegalArgumentException e) {
            step.error(e.getMessage());
            return;
        }
        if (command instanceof Command.Set set) {
            set(step, set);
        } else if (command instanceof Command.Save) {
            step.effect(new Effect.Save());
        } else if (command instanceof Command.SaveAs s) {
            step.effect(new Effect.SaveAs(s.path()));
        } else if (command instanceof Command.Open o) {
            Generations.cancelAll(step);
            step.effect(new Effect.Open(o.path()));
        } else if (command instanceof Command.Export e) {
            // the same text as weft export --format txt: control characters shown as symbols, never raw
            String text = step.state.focus().current() == null ? ""
                    : dev.weft.exchange.TextExport.path(step.state.loom(), step.state.focus().current());
            step.effect(new Effect.Export(e.path(), text));
        } else if (command instanceof Command.Yank y) {
            Yanking.yank(step, y.path(), y.overwrite());
        } else if (command instanceof Command.Compare c) {
            // remembered (and kept in the session): V compares with it from now on
            step.state = step.state.withSettings(step.state.settings().withExperiments(
                    step.state.settings().experiments().withVs(c.profile())));
            CompareKeys.open(step, c.profile());
        } else if (command instanceof Command.CompareFile c) {
            CompareFileKeys.open(step, c.path());
        } else if (command instanceof Command.Sweep w) {
            SweepKeys.open(step, w.temperatures(), w.n(), w.vs());
        } else if (command instanceof Command.Dist d) {
            DistributionKeys.open(step, d.spec(), d.vs());
        } else if (command instanceof Command.Tag t) {
            if (t.on()) {
                Marking.tag(step, t.words());
            } else {
                Marking.untag(step, t.words());
            }
        } else if (command instanceof Command.Note n) {
            if (n.remove()) {
                Marking.unnote(step);
            } else {
                Marking.note(step, n.text());
            }
        } else if (command instanceof Command.Help) {
            step.state = step.state.withOverlay(new Overlay.Help(0));
        } else {
            quit(step);
        }
    }

    static void quit(Step step) {
        if (WriteFailures.holdQuit(step)) {
            return;
        }
        Generations.cancelAll(step);
        step.state = step.state.withQuitting(true);
        step.effect(new Effect.Quit());
    }

    private static void set(Step step, Command.Set set) {
        Settings s = step.state.settings();
        SamplingParams p = s.params();
        if (set.key() == null) {
            step.info(describe(s));
            return;
        }
        String v = set.value();
        try {
            switch (set.key()) {
                case "temperature" -> p = p.withTemperature(Double.parseDouble(v));
                case "n" -> p = p.withN(Integer.parseInt(v));
                case "max-tokens" -> p = p.withMaxTokens(Integer.parseInt(v));
                case "top-p" -> p = p.withTopP(Double.parseDouble(v));
                case "top-k" -> p = p.withTopK(Integer.parseInt(v));
                case "min-p" -> p = p.withMinP(Double.parseDouble(v));
                case "top-logprobs" -> p = p.withTopLogprobs(Integer.parseInt(v));
                case "seed" -> p = p.withSeed(v.equalsIgnoreCase("none") ? null : Long.parseLong(v));
                case "theme" -> {
                    if (s.depth() == ColorDepth.NONE) {
                        step.error("colours are off (NO_COLOR, or :set colors none): the monochrome theme stays");
                    } else {
                        step.effect(new Effect.LoadTheme(v));
                    }
                    return;
                }
                case "multiverse-depth", "multiverse-top-k", "multiverse-floor" -> {
                    MultiverseSettings m = s.experiments().multiverse();
                    m = switch (set.key()) {
                        case "multiverse-depth" -> new MultiverseSettings(Integer.parseInt(v), m.top(), m.minProbability());
                        case "multiverse-top-k" -> new MultiverseSettings(m.depth(), Integer.parseInt(v), m.minProbability());
                        default -> new MultiverseSettings(m.depth(), m.top(), Double.parseDouble(v));
                    };
                    step.state = step.state.withSettings(s.withExperiments(s.experiments().withMultiverse(m)));
                    step.info("multiverse: depth " + m.depth() + " · top-k " + m.top() + " · floor "
                            + Numbers.percent(m.minProbability()) + " of the block zoomed into (x opens it)");
                    return;
                }
                case "backend" -> {
                    ModelPickerKeys.switchTo(step, v);
                    return;
                }
                case "colors" -> {
                    ColorDepth depth = ColorDepth.parse(v);
                    step.state = step.state.withSettings(s.withDepth(depth));
                    step.info("colour depth " + depth.label());
                    // the depth's own theme follows it, unless the user chose another one
                    if (s.theme().name().equals(ThemeLibrary.defaultFor(s.depth()))
                            && !ThemeLibrary.defaultFor(depth).equals(s.theme().name())) {
                        step.effect(new Effect.LoadTheme(ThemeLibrary.defaultFor(depth)));
                    }
                    return;
                }
                default -> throw new IllegalStateException("setting without a handler: " + set.key());
            }
        } catch (NumberFormatException e) {
            step.error(":set " + set.key() + ": '" + v + "' is not a number");
            return;
        } catch (IllegalArgumentException e) {
            step.error(":set " + set.key() + ": " + e.getMessage());
            return;
        }
        int cap = s.backend().capabilities().maxTopLogprobs();
        step.state = step.state.withSettings(s.withParams(p));
        step.info(describe(step.state.settings())
                + (p.topLogprobs() > cap ? " (" + s.backend().name() + " reports at most " + cap + " alternatives)" : ""));
    }

    private static String describe(Settings s) {
        SamplingParams p = s.params();
        return "temperature " + Numbers.number(p.temperature()) + " · n " + p.n() + " · max-tokens " + p.maxTokens()
                + " · top-p " + Numbers.number(p.topP()) + " · top-k " + p.topK() + " · min-p " + Numbers.number(p.minP())
                + " · top-logprobs " + p.topLogprobs() + " · seed " + (p.seed() == null ? "none" : p.seed())
                + " · theme " + s.theme().name() + " · colors " + s.depth().label() + " · backend " + s.backend().name();
    }
}
