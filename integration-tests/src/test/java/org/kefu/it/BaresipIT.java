package org.kefu.it;

import jakarta.annotation.Resource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real softphone on Kefu: Debian's baresip (package {@code baresip}, 1.0.0) registers as desk
 * phone 8006, answers calls from the trunk by itself ({@code answermode=auto}) and talks through
 * Kefu. It runs headless: no sound card, its "microphone" is the {@code aufile} module reading a
 * 440 Hz tone this test writes (8 kHz, mono, 16 bit), its "loudspeaker" is {@code aubridge} (a
 * sink nobody listens to), and the {@code sndfile} filter writes what it decoded from the RTP it
 * received to a WAV per call ({@code dump-*-dec.wav}). Everything is on 127.0.0.1.
 *
 * <p>What is proved, and how:
 * <ul>
 * <li><b>Registration</b>: baresip registers with digest authentication (user 8006, password
 * {@code kefu2026}, realm {@code kefu}) and the switch API shows 8006 registered.</li>
 * <li><b>Kefu anchors the media</b>: baresip logs where the RTP it receives comes from; in both
 * calls that is a port of Kefu's RTP range, never the caller's media port.</li>
 * <li><b>caller → Kefu → baresip</b> (first call): a sipp caller on the trunk dials 8006 and
 * says what sipp's {@code g711a.pcap} holds (7 s of speech, A-law). The WAV baresip decoded holds
 * at least 4 seconds of sound (RMS of the second above 300; silence is 0), and it is the caller's
 * voice, not baresip's own tone sent back: in every loud second the 440 Hz share of the energy
 * (Goertzel) is under 0.2 (about 0.003 for that speech, 1.0 for the tone) although baresip sent
 * its tone for the whole call. So Kefu does not loop a party's audio back to it.</li>
 * <li><b>baresip → Kefu → caller</b> (second call): the caller is a sipp that sends no audio of
 * its own but sends every RTP packet reaching its media port back where it came from
 * ({@code -rtp_echo}). What baresip decoded in that call is its own 440 Hz tone (share above 0.5,
 * RMS above 1000, for at least 2 seconds). Since the first call showed that Kefu does not send
 * baresip's audio back by itself, the tone came from the caller's media port: baresip's audio
 * crossed Kefu to the caller (and the caller's echo crossed it back).</li>
 * </ul>
 * baresip's log and each sipp's trace are shown when an assertion fails.
 */
@org.junit.jupiter.api.Tag("database-neutral") // no database involved: .ci/run runs it on H2 only
@ExtendWith(ArquillianExtension.class)
class BaresipIT {

    private static final String EXTENSION = "8006";
    static final int TONE_HZ = 440;
    static final int RATE = 8000;
    static final Pattern CALL_ENDED = Pattern.compile("Call with \\S+ terminated");


    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "baresip-probe.war")
                .addClasses(BaresipIT.class, Sipp.class, SipBed.class, SipBed.Step.class)
                .addPackages(true, "org.awaitility", "org.hamcrest")
                .addAsResource("sipp/caller-plays-audio.xml")
                .addAsResource("sipp/caller-talks.xml")
                // The switch API lives in the Kefu EAR's lib/: use those very classes.
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.kefu.ear\n"));
    }

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @Test
    @OperateOnDeployment("probe")
    void baresipRegistersAnswersAndAudioFlowsBothWaysThroughKefu() throws Exception {
        Path baresipBin = Paths.get("/usr/bin/baresip");
        if (!Files.isExecutable(baresipBin)) {
            fail("baresip is missing: install the Debian package baresip (apt-get install baresip, "
                    + "or tools/ensure-test-tools.sh baresip, which the build runs as root)");
        }
        Path dir = Files.createTempDirectory("baresip-");
        int sipPort = freeBlock();
        writeConfig(dir, sipPort);
        Path log = dir.resolve("baresip.log");
        // -t: baresip quits by itself after 60 s whatever happens; -v: its log names the RTP
        // source; -s: and holds the SIP messages, shown when an assertion fails.
        Process baresip = new ProcessBuilder(baresipBin.toString(), "-4", "-v", "-s", "-f", dir.toString(), "-t", "60")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try (SwitchConnection sw = switchFactory.getConnection()) {
            awaitTrue(() -> registered(sw), () -> "8006 registered: " + read(log));

            // 1. The caller speaks; baresip hears it.
            Sipp talker = Sipp.start("caller-plays-audio.xml",
                    Map.of("service", EXTENSION, "caller", "13800000061", "talk", "8500"));
            awaitTrue(() -> connectedCall(sw) != null, () -> "baresip answered: " + read(log) + talker.report());
            CallId firstCall = connectedCall(sw);
            assertEquals(0, talker.await(40), talker.report() + read(log));
            int talkerMedia = mediaPortOf(talker);

            // 2. The caller echoes; baresip hears its own tone come back.
            Sipp echo = Sipp.start("caller-talks.xml",
                    Map.of("service", EXTENSION, "caller", "13800000062", "talk", "5000"),
                    Sipp.nextPort(), List.of("-rtp_echo"));
            awaitTrue(() -> connectedCall(sw) != null && !firstCall.equals(connectedCall(sw)),
                    () -> "baresip answered the second call: " + read(log) + echo.report());
            assertEquals(0, echo.await(40), echo.report() + read(log));
            int echoMedia = mediaPortOf(echo);

            awaitTrue(() -> count(raw(log), CALL_ENDED) >= 2, () -> "baresip saw both calls end: " + read(log));
            baresip.destroy(); // SIGTERM: baresip unregisters and closes its files
            baresip.waitFor(10, TimeUnit.SECONDS);
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);

            // Kefu anchors the media: baresip's RTP comes from Kefu's media ports, not from the callers.
            List<Integer> sources = rtpSources(text);
            assertEquals(2, sources.size(), "one RTP source per call: " + text);
            int min = Integer.getInteger("kefu.media.port.min", 20000);
            int max = Integer.getInteger("kefu.media.port.max", 29999);
            for (int port : sources) {
                assertTrue(port >= min && port <= max, "baresip's RTP comes from Kefu (" + min + "-" + max + "), not " + port + ": " + text);
            }
            assertNotEquals(talkerMedia, sources.get(0), text);
            assertNotEquals(echoMedia, sources.get(1), text);

            List<Path> heard = decodedDumps(text);
            assertEquals(2, heard.size(), "baresip wrote what it heard in each call: " + text);

            // caller -> Kefu -> baresip: the caller's speech, and nothing of baresip's own tone.
            short[] first = wavSamples(heard.get(0));
            int loud = 0;
            for (int s = 0; s + RATE <= first.length; s += RATE) {
                double rms = rms(first, s, RATE);
                if (rms > 300) {
                    loud++;
                    double share = toneShare(first, s, RATE);
                    assertTrue(share < 0.2, "second " + s / RATE + " of what baresip heard from the caller is its own "
                            + TONE_HZ + " Hz tone (share " + share + ", rms " + rms + "): " + summary(first));
                }
            }
            assertTrue(loud >= 4, "baresip heard the caller's 7 s of speech: " + summary(first) + "\n" + talker.report() + text);

            // baresip -> Kefu -> caller (-> Kefu -> baresip): the tone came back from the caller's echo.
            short[] second = wavSamples(heard.get(1));
            int tone = 0;
            for (int s = 0; s + RATE <= second.length; s += RATE) {
                if (rms(second, s, RATE) > 1000 && toneShare(second, s, RATE) > 0.5) {
                    tone++;
                }
            }
            assertTrue(tone >= 2, "baresip's tone reached the caller, whose echo baresip heard: " + summary(second)
                    + "\n" + echo.report() + text);

            awaitTrue(() -> !registered(sw), () -> "baresip unregistered when it stopped: " + read(log));
            deleteTree(dir); // kept when the test fails, for its log and WAV files
        } finally {
            baresip.destroyForcibly();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ------------------------------------------------------------------ baresip

    /**
     * baresip's configuration for a headless desk phone: SIP on 127.0.0.1:{@code sipPort}, RTP on
     * the 8 ports above it, G.711 only, no sound card, no user interface, no NAT helpers.
     */
    private static void writeConfig(Path dir, int sipPort) throws IOException {
        Path tone = dir.resolve("tone.wav");
        writeTone(tone, 20);
        Path dumps = Files.createDirectories(dir.resolve("heard"));
        Files.writeString(dir.resolve("config"), String.join("\n",
                "poll_method epoll",
                "net_interface 127.0.0.1",
                "sip_listen 127.0.0.1:" + sipPort,
                "call_local_timeout 30",
                "call_max_calls 1",
                "audio_player aubridge,nil",
                "audio_source aufile," + tone,
                "audio_alert aubridge,nil",
                "audio_level no",
                "ausrc_format s16",
                "auplay_format s16",
                "auenc_format s16",
                "audec_format s16",
                "audio_buffer 20-160",
                "rtp_ports " + (sipPort + 2) + "-" + (sipPort + 9),
                "jitter_buffer_delay 5-10",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module aubridge.so",
                "module sndfile.so",
                "module_tmp account.so",
                "snd_path " + dumps,
                ""));
        Files.writeString(dir.resolve("accounts"),
                "<sip:" + EXTENSION + "@127.0.0.1:" + System.getProperty("kefu.sip.port", "15060") + ">"
                        + ";auth_user=" + EXTENSION + ";auth_pass=kefu2026;answermode=auto;regint=600\n");
        Files.writeString(dir.resolve("contacts"), "");
    }

    /** A 440 Hz sine, 8 kHz mono 16-bit PCM, as a WAV file (aufile's only format). */
    static void writeTone(Path file, int seconds) throws IOException {
        int samples = RATE * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) Math.round(8000 * Math.sin(2 * Math.PI * TONE_HZ * i / RATE)));
        }
        Files.write(file, b.array());
    }

    /** A SIP port with the 9 ports above it free (baresip's RTP), away from Kefu's RTP range and sipp's ports. */
    static int freeBlock() {
        int start = 30000 + (int) (ProcessHandle.current().pid() % 27) * 100;
        for (int port = start; port < 32700; port += 10) {
            boolean free = true;
            for (int p = port; p < port + 10 && free; p++) {
                free = free(p);
            }
            if (free) {
                return port;
            }
        }
        throw new IllegalStateException("no 10 free ports for baresip in 30000-32700");
    }

    static boolean free(int port) {
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress());
             ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The ports baresip says its RTP comes from, one per call. */
    static List<Integer> rtpSources(String log) {
        List<Integer> ports = new ArrayList<>();
        Matcher m = Pattern.compile("incoming rtp for 'audio' established, receiving from 127\\.0\\.0\\.1:(\\d+)").matcher(log);
        while (m.find()) {
            ports.add(Integer.parseInt(m.group(1)));
        }
        return ports;
    }

    /** The WAV files sndfile wrote with what baresip decoded, in the order of the calls. */
    static List<Path> decodedDumps(String log) {
        List<Path> files = new ArrayList<>();
        Matcher m = Pattern.compile("dumping decode audio to (\\S+\\.wav)").matcher(log);
        while (m.find()) {
            files.add(Paths.get(m.group(1)));
        }
        return files;
    }

    static int count(String text, Pattern pattern) {
        return (int) pattern.matcher(text).results().count();
    }

    static String raw(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            return "\n--- baresip log\n" + (text.length() > 12000 ? text.substring(text.length() - 12000) : text) + "\n";
        } catch (IOException e) {
            return "(no baresip log: " + e.getMessage() + ")";
        }
    }

    /** The caller's media port: sipp's own RTP port, 4 above its SIP port (see Sipp.launch). */
    static int mediaPortOf(Sipp sipp) {
        Matcher m = Pattern.compile("m=audio (\\d+) RTP/AVP").matcher(sipp.messages());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    // ------------------------------------------------------------------ audio

    /** The 16-bit samples of a PCM WAV (the data chunk, to the end of the file). */
    static short[] wavSamples(Path wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            String id = new String(b.array(), pos, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (id.equals("data")) {
                int start = pos + 8;
                int n = (b.limit() - start) / 2;
                short[] s = new short[n];
                for (int i = 0; i < n; i++) {
                    s[i] = b.getShort(start + 2 * i);
                }
                return s;
            }
            pos += 8 + size + (size & 1);
        }
        throw new IOException("no data chunk in " + wav);
    }

    static double rms(short[] s, int from, int n) {
        double e = 0;
        for (int i = from; i < from + n; i++) {
            e += (double) s[i] * s[i];
        }
        return Math.sqrt(e / n);
    }

    /** The share of the energy of {@code n} samples that is at 440 Hz (Goertzel): 1 for a pure tone. */
    static double toneShare(short[] s, int from, int n) {
        double k = 2 * Math.cos(2 * Math.PI * TONE_HZ / RATE);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (int i = from; i < from + n; i++) {
            double v = s[i];
            double s0 = v + k * s1 - s2;
            s2 = s1;
            s1 = s0;
            energy += v * v;
        }
        double power = s1 * s1 + s2 * s2 - k * s1 * s2;
        return energy == 0 ? 0 : 2 * power / n / energy;
    }

    /** Per second: RMS and 440 Hz share, for failure messages. */
    static String summary(short[] s) {
        StringBuilder b = new StringBuilder(s.length / RATE + "s heard:");
        for (int i = 0; i + RATE <= s.length; i += RATE) {
            b.append(String.format(" [%d: rms %.0f, %d Hz %.2f]", i / RATE, rms(s, i, RATE), TONE_HZ, toneShare(s, i, RATE)));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ switch

    private boolean registered(SwitchConnection sw) {
        try {
            return sw.snapshotDevice(new DeviceId(EXTENSION)).registered();
        } catch (Exception e) {
            return false;
        }
    }

    /** The call 8006 talks in, as the switch sees it, or null. */
    private CallId connectedCall(SwitchConnection sw) {
        try {
            return sw.snapshotDevice(new DeviceId(EXTENSION)).connections().stream()
                    .filter(p -> p.state() == ConnectionState.CONNECTED)
                    .map(p -> p.connection().call()).findFirst().orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    static void awaitTrue(Callable<Boolean> condition, java.util.function.Supplier<String> what) {
        SipBed.await(what, Duration.ofSeconds(15), condition);
    }
}
