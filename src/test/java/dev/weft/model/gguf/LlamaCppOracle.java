package dev.weft.model.gguf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * llama.cpp (through de.kherud:llama 3.4.1) run in a process of its own, since its native code can
 * bring the JVM down: {@code LlamaCppOracle JOBS}, one job a line (tab-separated FILE, N_PREDICT,
 * BANNED_IDS, PROMPT, TEXT...); for each it prints one JSON line per TEXT with llama.cpp's tokens of it, then one per generated token with its text and
 * llama.cpp's top-10 probabilities (temperature 1, no filters; the banned ids get a -100 bias).
 * It halts without closing the model: 3.4.1 crashes in its server loop on close.
 */
public final class LlamaCppOracle {
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        LlamaModel.setLogger(null, (level, message) -> {});
        List<String> jobs = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        for (int job = 0; job < jobs.size(); job++) {
            String[] f = jobs.get(job).split("\t", -1);
            ModelParameters mp = new ModelParameters().setModelFilePath(f[0]).setNThreads(2).setNCtx(256)
                    .setNGpuLayers(0).setSeed(1);
            LlamaModel model = new LlamaModel(mp); // never closed: see above
            for (int i = 4; i < f.length; i++) {
                ObjectNode line = json.createObjectNode().put("job", job);
                ArrayNode ids = line.putArray("encode");
                for (int id : model.encode(f[i])) {
                    ids.add(id);
                }
                out.println(line);
            }
            Map<Integer, Float> bias = new HashMap<>();
            if (!f[2].isEmpty()) {
                for (String id : f[2].split(",")) {
                    bias.put(Integer.parseInt(id), -100f);
                }
            }
            InferenceParameters ip = new InferenceParameters(f[3]).setNPredict(Integer.parseInt(f[1])).setNProbs(10)
                    .setTemperature(1f).setTopK(0).setTopP(1f).setMinP(0f).setTypicalP(1f).setTfsZ(1f)
                    .setRepeatPenalty(1f).setFrequencyPenalty(0f).setPresencePenalty(0f).setSeed(7)
                    .setTokenIdBias(bias);
            for (LlamaOutput o : model.generate(ip)) {
                ObjectNode line = json.createObjectNode().put("job", job);
                line.put("text", o.text);
                ObjectNode probs = line.putObject("probs");
                o.probabilities.forEach(probs::put);
                out.println(line);
            }
        }
        out.println("{\"done\": true}");
        out.flush();
        Runtime.getRuntime().halt(0);
    }
}
