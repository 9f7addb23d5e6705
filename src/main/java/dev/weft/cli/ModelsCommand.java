package dev.weft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.config.ConfigException;
import dev.weft.config.ModelFolders;
import dev.weft.loom.DisplayText;
import dev.weft.model.local.LocalModel;
import dev.weft.model.local.LocalModels;
import dev.weft.model.local.StoreLocations;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"List the GGUF model files on this machine: Ollama's store, the Hugging Face hub cache,",
                "LM Studio's models folder, llama.cpp's download cache and the config's model_folders; each",
                "with its architecture, size, quantisation and whether weft can run it (--gguf PATH)."})
final class ModelsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = {"-p", "--paths"}, description = "Print each model's file under its line.")
    boolean paths;

    @Option(names = "--supported", description = "List only the models weft can run.")
    boolean onlySupported;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws ConfigException {
        List<String> folders = ModelFolders.read(ModelOptions.configPath());
        LocalModels.Scan scan = new LocalModels(StoreLocations.of(System.getenv()), folders).scan();
        List<LocalModel> models = onlySupported ? scan.supported() : scan.models();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(models, scan.notes()));
        } else {
            print(out, models, scan.notes());
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, List<LocalModel> models, List<String> notes) {
        if (models.isEmpty()) {
            out.println("no GGUF models found (looked in Ollama's store, the Hugging Face hub cache, LM Studio,"
                    + " llama.cpp's cache and the config's " + ModelFolders.KEY + ")");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "FROM", "ARCH", "PARAMS", "QUANT", "SIZE", "WEFT"});
            for (LocalModel m : models) {
                rows.add(new String[] {safe(m.name()), m.store().label, safe(m.architecture()),
                    m.parameters() > 0 ? count(m.parameters()) : "?", safe(m.quantisation()), bytes(m.size()),
                    m.supported() ? "yes" : "no: " + safe(m.unsupported())});
            }
            int[] widths = new int[rows.get(0).length];
            for (String[] r : rows) {
                for (int i = 0; i < r.length - 1; i++) {
                    widths[i] = Math.max(widths[i], TextWidth.of(r[i]));
                }
            }
            for (int k = 0; k < rows.size(); k++) {
                String[] r = rows.get(k);
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    line.append(r[i]);
                    if (i < r.length - 1) {
                        line.append(" ".repeat(widths[i] - TextWidth.of(r[i]) + 2));
                    }
                }
                out.println(line.toString().stripTrailing());
                if (paths && k > 0) {
                    out.println("  " + safe(models.get(k - 1).path().toString()));
                }
            }
        }
        for (String note : notes) {
            out.println("note: " + safe(note));
        }
    }

    private static String json(List<LocalModel> models, List<String> notes) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("models");
        for (LocalModel m : models) {
            ObjectNode o = list.addObject();
            o.put("name", m.name());
            o.put("from", m.store().label);
            o.put("path", m.path().toString());
            o.put("size", m.size());
            o.put("architecture", m.architecture());
            o.put("parameters", m.parameters());
            o.put("quantisation", m.quantisation());
            o.put("supported", m.supported());
            if (!m.supported()) {
                o.put("unsupported", m.unsupported());
            }
        }
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        return root.toString();
    }

    private static String safe(String s) {
        return DisplayText.safe(s, false);
    }

    static String bytes(long n) {
        return dev.weft.model.choice.ModelChoices.bytes(n);
    }

    static String count(long n) {
        return dev.weft.model.choice.ModelChoices.count(n);
    }
}
