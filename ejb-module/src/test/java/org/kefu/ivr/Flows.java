package org.kefu.ivr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.kefu.ivr.format.FlowParser;

/** Test helpers: the demo flows from the classpath, the real prompt names from the adapter's folder. */
final class Flows {
    static final Path PROMPTS = Paths.get("../jca-telephony-adapter/rar/src/main/resources/prompts");

    private Flows() {
    }

    static IvrFlow demo(String name) {
        try (InputStream in = Flows.class.getResourceAsStream("/org/kefu/ivr/flows/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no demo flow " + name);
            }
            return new FlowParser().parse(in);
        } catch (IOException | FlowFormatException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    static IvrFlow parse(String json) {
        try {
            return new FlowParser().parse(json.replace('\'', '"'));
        } catch (FlowFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Names that exist in both zh-CN and en (what a bilingual flow may use), plus the
     * language-neutral ones (music/hold).
     */
    static Set<String> realPrompts() {
        Set<String> zh = names(PROMPTS.resolve("zh-CN"));
        Set<String> en = names(PROMPTS.resolve("en"));
        zh.retainAll(en);
        for (String m : names(PROMPTS.resolve("music"))) {
            zh.add("music/" + m);
        }
        return zh;
    }

    private static Set<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> s = new HashSet<>();
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wav"))
                    .forEach(n -> s.add(n.substring(0, n.length() - 4)));
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("prompt folder " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
