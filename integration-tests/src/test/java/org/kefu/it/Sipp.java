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

    // Away from Kefu's RTP range (20000-29999) and the adapter's own test ports.
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(33000 + (int) (ProcessHandle.current().pid() % 50) * 100);

    private final Process process;
    private final Path dir;
    private final String name;

    private Sipp(Process process, Path dir, String name) {
        this.process = process;
        this.dir = dir;
        this.name = name;
    }

    static Sipp start(String scenario, Map<String, String> values) throws IOException {
        return start(scenario, values, nextPort());
    }

    /**
     * A local port for sipp's SIP (and, 4 above it, its media) that nothing holds now: a phone
     * registers and answers from the same port, so it must be ours for the whole test.
     */
    static int nextPort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = NEXT_PORT.getAndAdd(10);
            if (port > 60000) {
                NEXT_PORT.set(33000);
                continue;
            }
            if (free(port) && free(port + 4) && free(port + 5) && free(port + 6)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port for sipp");
    }

    private static boolean free(int port) {
        try (java.net.DatagramSocket udp = new java.net.DatagramSocket(port, java.net.InetAddress.getLoopbackAddress());
             java.net.ServerSocket tcp = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Sipp start(String scenario, Map<String, String> values, int sipPort) throws IOException {
        return start(scenario, values, sipPort, List.of());
    }

    /**
     * As {@link #start(String, Map, int)}, with more of sipp's options: {@code -rtp_echo} for
     * example sends every RTP packet that reaches the media port back to where it came from.
     */
    static Sipp start(String scenario, Map<String, String> values, int sipPort, List<String> options) throws IOException {
        String xml = scenarioXml(scenario, values);
        xml = xml.replace("[bye_within]", "30000"); // how long a phone waits for the other side's BYE, by default
        Path dir = Files.createTempDirectory("sipp-" + scenario.replace(".xml", "") + "-");
        return launch(dir, scenario, xml, sipPort, 45, options);
    }

    /**
     * Runs a scenario written by the test into {@code dir} (which may hold the test's own pcap
     * files), with a longer overall time limit than the canned scenarios.
     */
    static Sipp launch(Path dir, String scenario, String xml, int sipPort, int timeoutSeconds) throws IOException {
        return launch(dir, scenario, xml, sipPort, timeoutSeconds, List.of());
    }

    private static Sipp launch(Path dir, String scenario, String xml, int sipPort, int timeoutSeconds, List<String> options)
            throws IOException {
        String sippBin = Files.isExecutable(Paths.get("/usr/bin/sipp")) ? "/usr/bin/sipp" : "sipp";
        Path pcap = Paths.get("/usr/share/sip-tester");
        if (Files.isDirectory(pcap) && !Files.exists(dir.resolve("pcap"))) {
            Files.createSymbolicLink(dir.resolve("pcap"), pcap);
        }
        Path file = dir.resolve(scenario);
        Files.writeString(file, xml);
        List<String> cmd = new ArrayList<>(List.of(sippBin,
                "127.0.0.1:" + System.getProperty("kefu.sip.port", "15060"),
                "-sf", file.toString(),
                "-i", "127.0.0.1", "-p", String.valueOf(sipPort),
                "-mp", String.valueOf(sipPort + 4),
                "-m", "1", "-l", "1",
                "-timeout", timeoutSeconds + "s", "-timeout_error",
                "-trace_err", "-trace_msg",
                "-nostdin"));
        cmd.addAll(options);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile());
        return new Sipp(pb.start(), dir, scenario);
    }

    /** One of our scenarios with its placeholders ([service], [ext] ...) filled in. */
    private static String scenarioXml(String scenario, Map<String, String> values) throws IOException {
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
        return xml;
    }

    /**
     * Many calls of one scenario from one sipp: {@code rate} new calls a second up to {@code calls},
     * with sipp's per-message counts written every second ({@link #counts()}) instead of a message
     * trace (which a storm would make hundreds of megabytes long).
     */
    static Sipp load(String scenario, Map<String, String> values, int rate, int calls, int timeoutSeconds) throws IOException {
        String xml = scenarioXml(scenario, values);
        Path dir = Files.createTempDirectory("sipp-load-" + scenario.replace(".xml", "") + "-");
        Files.writeString(dir.resolve(scenario), xml);
        int sipPort = nextPort();
        String sippBin = Files.isExecutable(Paths.get("/usr/bin/sipp")) ? "/usr/bin/sipp" : "sipp";
        List<String> cmd = List.of(sippBin,
                "127.0.0.1:" + System.getProperty("kefu.sip.port", "15060"),
                "-sf", dir.resolve(scenario).toString(),
                "-i", "127.0.0.1", "-p", String.valueOf(sipPort), "-mp", String.valueOf(sipPort + 4),
                "-r", String.valueOf(rate), "-m", String.valueOf(calls), "-l", String.valueOf(Math.max(calls, 1)),
                "-timeout", timeoutSeconds + "s", "-max_socket", "60000",
                "-trace_counts", "-fd", "1", "-trace_err", "-nostdin");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile());
        return new Sipp(pb.start(), dir, scenario);
    }

    /**
     * sipp's counts of the last report ({@code -trace_counts}): column name (for example
     * {@code 5_200_Recv}: the 200 received at the scenario's sixth message) to count.
     */
    Map<String, Long> counts() throws IOException {
        try (var files = Files.list(dir)) {
            Path csv = files.filter(p -> p.toString().endsWith("_counts.csv")).findFirst()
                    .orElseThrow(() -> new IOException("sipp wrote no counts in " + dir));
            List<String> lines = Files.readAllLines(csv, StandardCharsets.ISO_8859_1).stream().filter(l -> !l.isBlank()).toList();
            String[] names = lines.get(0).split(";");
            String[] values = lines.get(lines.size() - 1).split(";");
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            for (int i = 0; i < Math.min(names.length, values.length); i++) {
                try {
                    out.put(names[i].trim(), Long.parseLong(values[i].trim()));
                } catch (NumberFormatException notACount) {
                    // Time and Elapsed columns
                }
            }
            return out;
        }
    }

    /** The count of the first scenario message received with this status ({@code Recv} column), or 0. */
    long firstReceived(int status) throws IOException {
        return counts().entrySet().stream()
                .filter(e -> e.getKey().matches("\\d+_" + status + "_Recv"))
                .min(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf('_')))))
                .map(Map.Entry::getValue).orElse(0L);
    }

    /** The folder sipp runs in (its logs, and files a scenario writes with exec). */
    Path dir() {
        return dir;
    }

    long pid() {
        return process.pid();
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

    /** How many requests of a method this sipp received (from its message trace). */
    int received(String method) {
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith("_messages.log")).toList()) {
                String[] parts = Files.readString(f, StandardCharsets.ISO_8859_1).split("message received");
                int n = 0;
                for (int i = 1; i < parts.length; i++) {
                    if (parts[i].contains("\n" + method + " sip:")) {
                        n++;
                    }
                }
                return n;
            }
        } catch (IOException e) {
            return -1;
        }
        return 0;
    }

    boolean isRunning() {
        return process.isAlive();
    }

    /** sipp's message trace so far (every message sent and received). */
    String messages() {
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith("_messages.log")).toList()) {
                return Files.readString(f, StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            return "(cannot read the message trace: " + e.getMessage() + ")";
        }
        return "";
    }

    /**
     * Kills sipp and waits until it is gone: its ports are free when this returns, so the next test's
     * sipp on the same port (the test trunk's, say) can bind it instead of exiting at once.
     */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
