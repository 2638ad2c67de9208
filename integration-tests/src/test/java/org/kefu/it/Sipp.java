package org.kefu.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the real sipp (Debian's sip-tester) with one of our scenarios, as a caller from the PSTN
 * trunk or as an agent's desk phone. Scenario placeholders of our own ([service], [ext] ...) are
 * filled in here; sipp's own ([local_ip], [call_id] ...) are left to sipp.
 */
final class Sipp {

    private static final AtomicInteger NEXT_PORT = new AtomicInteger(26000 + (int) (ProcessHandle.current().pid() % 50) * 100);

    private final Process process;
    private final Path dir;
    private final String name;

    private Sipp(Process process, Path dir, String name) {
        this.process = process;
        this.dir = dir;
        this.name = name;
    }

    static Sipp start(String scenario, Map<String, String> values) throws IOException {
        return start(scenario, values, NEXT_PORT.getAndAdd(10));
    }

    /** A free-looking local port pair for a phone that must register and answer from the same port. */
    static int nextPort() {
        return NEXT_PORT.getAndAdd(10);
    }

    static Sipp start(String scenario, Map<String, String> values, int sipPort) throws IOException {
        String sippBin = Files.isExecutable(Paths.get("/usr/bin/sipp")) ? "/usr/bin/sipp" : "sipp";
        Path dir = Files.createTempDirectory("sipp-" + scenario.replace(".xml", "") + "-");
        Path pcap = Paths.get("/usr/share/sip-tester");
        if (Files.isDirectory(pcap)) {
            Files.createSymbolicLink(dir.resolve("pcap"), pcap);
        }
        String xml;
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IOException("no scenario " + scenario);
            }
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            xml = xml.replace("[" + v.getKey() + "]", v.getValue());
        }
        Path file = dir.resolve(scenario);
        Files.writeString(file, xml);
        List<String> cmd = new ArrayList<>(List.of(sippBin,
                "127.0.0.1:" + System.getProperty("kefu.sip.port", "15060"),
                "-sf", file.toString(),
                "-i", "127.0.0.1", "-p", String.valueOf(sipPort),
                "-mp", String.valueOf(sipPort + 4),
                "-m", "1", "-l", "1",
                "-timeout", "45s", "-timeout_error",
                "-trace_err", "-trace_msg",
                "-nostdin"));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile());
        return new Sipp(pb.start(), dir, scenario);
    }

    /** Waits for sipp to finish; returns its exit code (0: every call succeeded). */
    int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** What sipp said, its message trace and its errors: shown when an assertion fails. */
    String report() {
        StringBuilder b = new StringBuilder("sipp ").append(name).append(" in ").append(dir).append('\n');
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".out")).toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                b.append("--- ").append(f.getFileName()).append('\n')
                        .append(text.length() > 6000 ? text.substring(text.length() - 6000) : text).append('\n');
            }
        } catch (IOException e) {
            b.append("(cannot read logs: ").append(e.getMessage()).append(")\n");
        }
        return b.toString();
    }

    void kill() {
        process.destroyForcibly();
    }
}
