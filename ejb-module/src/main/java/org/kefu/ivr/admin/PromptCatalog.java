package org.kefu.ivr.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The recorded prompts that exist, for validating flows. The EJBs cannot list the adapter's
 * prompt folder, so the names ship as {@code org/kefu/ivr/prompt-names.txt} ({@code <folder>/<name>},
 * folders zh-CN, en, music); {@code PromptCatalogTest} fails when it and the folder disagree.
 */
public final class PromptCatalog {

    static final String RESOURCE = "/org/kefu/ivr/prompt-names.txt";

    private final Set<String> entries;

    PromptCatalog(Set<String> entries) {
        this.entries = Set.copyOf(entries);
    }

    public static PromptCatalog load() {
        try (InputStream in = PromptCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing");
            }
            Set<String> s = new LinkedHashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    s.add(line);
                }
            }
            return new PromptCatalog(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This catalog with more entries (prompts administrators uploaded). */
    public PromptCatalog with(Set<String> more) {
        Set<String> all = new LinkedHashSet<>(entries);
        all.addAll(more);
        return new PromptCatalog(all);
    }

    /** Every {@code <folder>/<name>} entry. */
    public Set<String> entries() {
        return entries;
    }

    /**
     * The names a flow speaking {@code languages} may play: those recorded in every one of its
     * languages, plus the language-neutral {@code music/<name>}.
     */
    public Set<String> knownFor(Collection<String> languages) {
        Set<String> known = null;
        for (String lang : languages) {
            Set<String> names = new HashSet<>();
            String prefix = lang + "/";
            for (String e : entries) {
                if (e.startsWith(prefix)) {
                    names.add(e.substring(prefix.length()));
                }
            }
            if (known == null) {
                known = names;
            } else {
                known.retainAll(names);
            }
        }
        if (known == null) {
            known = new HashSet<>();
        }
        for (String e : entries) {
            if (e.startsWith("music/")) {
                known.add(e);
            }
        }
        return known;
    }
}
