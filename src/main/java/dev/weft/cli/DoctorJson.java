package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.KvCacheStats;
import dev.weft.model.gguf.KvCacheProbe;
import dev.weft.model.http.DoctorLine;
import java.util.List;
import java.util.Locale;

/** {@code weft doctor --json}: every check with its status, and each model file's key/value cache. */
final class DoctorJson {
    private DoctorJson() {}

    static String of(List<DoctorLine> lines, List<ObjectNode> caches) {
        ObjectNode root = TokenJson.MAPPER.createObjectNode();
        root.put("ok", lines.stream().noneMatch(l -> l.status() == DoctorLine.Status.FAIL));
        ArrayNode checks = root.putArray("checks");
        for (DoctorLine line : lines) {
            checks.addObject().put("status", line.status().name().toLowerCase(Locale.ROOT)).put("text", line.text());
        }
        ArrayNode kv = root.putArray("kv_caches");
        caches.forEach(kv::add);
        return root.toString();
    }

    /** One model file's cache: its budget and use, its hit rate so far, and the probe's result. */
    static ObjectNode cache(String source, String path, KvCacheStats stats, long bytesPerPosition, KvCacheProbe probe) {
        ObjectNode o = TokenJson.MAPPER.createObjectNode();
        o.put("source", source);
        o.put("path", path);
        o.put("budget_bytes", stats.budget());
        o.put("bytes_per_position", bytesPerPosition);
        o.put("bytes", stats.bytes());
        o.put("positions", stats.positions());
        o.put("blocks", stats.blocks());
        o.put("reused", stats.reused());
        o.put("computed", stats.computed());
        o.put("hit_rate", stats.hitRate());
        o.put("evicted_blocks", stats.evictedBlocks());
        ObjectNode p = o.putObject("probe");
        p.put("positions", probe.positions());
        p.put("reused", probe.reused());
        p.put("computed", probe.computed());
        p.put("max_difference", probe.maxDifference());
        p.put("exact", probe.exact());
        return o;
    }
}
