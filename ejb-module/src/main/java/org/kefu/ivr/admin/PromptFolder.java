package org.kefu.ivr.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The administrators' prompt folder, {@code <data dir>/kefu/prompts/<lang>/<name>.wav} (property
 * {@code kefu.prompts}, as the adapter's PromptDirectory): the adapter plays a file there instead
 * of the shipped prompt of that name, and flows may use its names. Also the rules an uploaded WAV
 * must meet to be played: 8 kHz mono, 16-bit PCM or 8-bit G.711 (A-law, µ-law), at most
 * {@value #MAX_SECONDS} seconds.
 */
public final class PromptFolder {

    public static final int MAX_SECONDS = 120;
    /** The largest upload accepted: 120 s of 16-bit PCM plus headers. */
    public static final int MAX_BYTES = 8000 * 2 * MAX_SECONDS + 4096;
    public static final Set<String> LANGUAGES = Set.of("zh-CN", "en");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private PromptFolder() {
    }

    public static Path dir() {
        String configured = System.getProperty("kefu.prompts");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("jboss.server.data.dir", "."), "kefu", "prompts");
    }

    /** The uploaded prompts as {@code <lang>/<name>} (empty when the folder does not exist). */
    public static Set<String> entries(Path dir) {
        Set<String> out = new TreeSet<>();
        for (String lang : LANGUAGES) {
            Path folder = dir.resolve(lang);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString())
                        .filter(f -> f.endsWith(".wav"))
                        .map(f -> f.substring(0, f.length() - 4))
                        .filter(n -> NAME.matcher(n).matches())
                        .forEach(n -> out.add(lang + "/" + n));
            } catch (IOException e) {
                // An unreadable folder offers no names; the shipped prompts still validate.
            }
        }
        return out;
    }

    /** @return null if the language and name are acceptable, else why not */
    public static String checkName(String lang, String name) {
        if (lang == null || !LANGUAGES.contains(lang)) {
            return "language must be one of " + new TreeSet<>(LANGUAGES) + ", not \"" + lang + "\"";
        }
        if (name == null || !NAME.matcher(name).matches()) {
            return "prompt name must be 1 to 64 lower-case letters, digits, '-' or '_', starting with a letter or digit";
        }
        return null;
    }

    /** @return null if {@code wav} is a WAV the switch plays, else what is wrong with it */
    public static String checkWav(byte[] wav) {
        if (wav == null || wav.length < 44) {
            return "not a WAV file (too short)";
        }
        if (wav.length > MAX_BYTES) {
            return "the file is larger than " + MAX_BYTES + " bytes";
        }
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (!"RIFF".equals(ascii(wav, 0)) || !"WAVE".equals(ascii(wav, 8))) {
            return "not a WAV file (no RIFF/WAVE header)";
        }
        int pos = 12;
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        long dataBytes = -1;
        while (pos + 8 <= wav.length) {
            String id = ascii(wav, pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if ("fmt ".equals(id) && size >= 16 && body + 16 <= wav.length) {
                format = Short.toUnsignedInt(b.getShort(body));
                channels = Short.toUnsignedInt(b.getShort(body + 2));
                rate = b.getInt(body + 4);
                bits = Short.toUnsignedInt(b.getShort(body + 14));
            } else if ("data".equals(id)) {
                dataBytes = Math.min(size, wav.length - body);
                break;
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        if (format < 0) {
            return "not a WAV file (no fmt chunk)";
        }
        boolean pcm16 = format == 1 && bits == 16;
        boolean g711 = (format == 6 || format == 7) && bits == 8;
        if (!pcm16 && !g711) {
            return "unsupported encoding (format " + format + ", " + bits + " bit): use 16-bit PCM or G.711 A-law/µ-law";
        }
        if (channels != 1) {
            return "the prompt must be mono, not " + channels + " channels";
        }
        if (rate != 8000) {
            return "the prompt must be sampled at 8000 Hz, not " + rate + " Hz";
        }
        if (dataBytes <= 0) {
            return "the WAV file has no audio (no data chunk)";
        }
        long seconds = dataBytes / (8000L * (pcm16 ? 2 : 1));
        if (seconds > MAX_SECONDS) {
            return "the prompt lasts " + seconds + " s, longer than " + MAX_SECONDS + " s";
        }
        return null;
    }

    private static String ascii(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.US_ASCII);
    }
}
