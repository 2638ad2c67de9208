package org.kefu.telephony.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds prompts by name and language and keeps their decoded PCM in memory (prompts are small and
 * played thousands of times). A name like {@code welcome} is looked up per language
 * ({@code zh-CN/welcome.wav} or {@code en/welcome.wav}); a name with a folder such as
 * {@code music/hold} is language-neutral. The override directory on disk wins over the classpath,
 * so administrators can replace a prompt without a redeploy: an override file is reloaded when its
 * modification time changes (one stat per play), so the next call hears an upload; {@link #evict}
 * and {@link #clear} drop entries at once. Languages other than Chinese fall back to English.
 */
public final class PromptLibrary {
    public static final String ZH_CN = "zh-CN";
    public static final String EN = "en";
    /** Names are path fragments on disk: refuse anything that could escape the prompt folders. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)?");

    private final ClassLoader classLoader;
    private final String classpathRoot;
    private final Path overrideDir;
    private final Map<String, short[]> cache = new ConcurrentHashMap<>();
    /** Modification time of the override file each cached entry came from (absent: the classpath). */
    private final Map<String, Long> overrideTimes = new ConcurrentHashMap<>();

    /**
     * @param classpathRoot e.g. "prompts" (WAVs at prompts/zh-CN/welcome.wav)
     * @param overrideDir may be null; same layout as the classpath root
     */
    public PromptLibrary(ClassLoader classLoader, String classpathRoot, Path overrideDir) {
        this.classLoader = classLoader;
        this.classpathRoot = classpathRoot;
        this.overrideDir = overrideDir;
    }

    /** The prompts shipped in this adapter, plus an optional override directory. */
    public static PromptLibrary standard(Path overrideDir) {
        return new PromptLibrary(PromptLibrary.class.getClassLoader(), "prompts", overrideDir);
    }

    /** The prompt folder for a locale: zh-CN for any Chinese locale, en otherwise. */
    public static String languageFolder(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? ZH_CN : EN;
    }

    /**
     * @return the prompt's samples; shared, callers must not modify them
     * @throws PromptNotFoundException naming the prompt and where it was looked for
     */
    public short[] get(String name, Locale locale) {
        String relative = relativePath(name, locale);
        short[] pcm = cache.get(relative);
        Long loadedFrom = overrideTimes.get(relative);
        long current = overrideTime(relative);
        if (pcm == null || (loadedFrom == null ? current >= 0 : loadedFrom != current)) {
            pcm = load(name, relative);
            cache.put(relative, pcm);
            if (current >= 0) {
                overrideTimes.put(relative, current);
            } else {
                overrideTimes.remove(relative);
            }
        }
        return pcm;
    }

    /** Loads several prompts at once so a missing one fails before anything is played. */
    public List<short[]> getAll(List<String> names, Locale locale) {
        List<short[]> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(get(n, locale));
        }
        return out;
    }

    public boolean exists(String name, Locale locale) {
        try {
            get(name, locale);
            return true;
        } catch (PromptNotFoundException e) {
            return false;
        }
    }

    public void evict(String name) {
        cache.keySet().removeIf(k -> k.equals(name + ".wav") || k.endsWith("/" + name + ".wav"));
    }

    public void clear() {
        cache.clear();
    }

    /** The override file's modification time in ms, or -1 when there is none. */
    private long overrideTime(String relative) {
        if (overrideDir == null) {
            return -1;
        }
        try {
            Path file = overrideDir.resolve(relative);
            return Files.isRegularFile(file) ? Files.getLastModifiedTime(file).toMillis() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private String relativePath(String name, Locale locale) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new PromptNotFoundException(name, "invalid prompt name '" + name
                    + "' (expected lower-case letters, digits, '-' or '_', optionally one folder)", null);
        }
        return name.contains("/") ? name + ".wav" : languageFolder(locale) + "/" + name + ".wav";
    }

    private short[] load(String name, String relative) {
        try {
            if (overrideDir != null) {
                Path file = overrideDir.resolve(relative);
                if (Files.isRegularFile(file)) {
                    return WavFile.read(file);
                }
            }
            String resource = classpathRoot + "/" + relative;
            try (InputStream in = classLoader.getResourceAsStream(resource)) {
                if (in != null) {
                    return WavFile.read(in, resource);
                }
            }
        } catch (IOException e) {
            throw new PromptNotFoundException(name, "prompt '" + name + "' (" + relative + ") cannot be used: "
                    + e.getMessage(), e);
        }
        throw new PromptNotFoundException(name, "prompt '" + name + "' not found: looked for " + relative
                + (overrideDir != null ? " in " + overrideDir + " and" : "") + " on the classpath under "
                + classpathRoot + "/", null);
    }
}
