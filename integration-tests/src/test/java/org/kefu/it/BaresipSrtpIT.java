package org.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.annotation.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * A real softphone over SIP-TLS and SRTP (issue 14 item 9): Debian's baresip 1.0.0 registers as
 * desk phone 8006 over TLS ({@code transport=tls}) with SRTP mandatory ({@code mediaenc=srtp-mand},
 * module {@code srtp}), and takes two trunk calls as {@link BaresipIT} does, headless, with its 440 Hz
 * tone as microphone and the {@code sndfile} filter writing what it decoded.
 *
 * <p>What is proved, and how:
 * <ul>
 * <li><b>TLS</b>: baresip's SIP trace shows its REGISTER and Kefu's INVITEs on TLS, and the switch
 * API shows 8006 registered. baresip checks Kefu's certificate against the test server's own (the
 * PKCS#12 the build made, {@code sip_cafile}); it presents the same key as its own, which is the
 * only certificate Kefu's TLS client trusts.</li>
 * <li><b>SDES</b>: each of Kefu's INVITEs to baresip offers RTP/SAVP with an AES_CM_128_HMAC_SHA1_80
 * key, and baresip answers RTP/SAVP with a key of its own (its trace).</li>
 * <li><b>Kefu → baresip decrypts</b>: in the first call the caller's 7 s of speech (sipp, plain
 * RTP on the trunk) is what baresip decoded (at least 4 loud seconds, none of them its own tone).
 * baresip drops SRTP packets that fail authentication, so speech in its recording means Kefu's
 * packets were valid SRTP under the key Kefu sent.</li>
 * <li><b>baresip → Kefu decrypts</b>: in the second call the caller echoes what reaches it; what
 * baresip decoded is its own tone. Kefu drops packets that do not authenticate and never plays
 * them, so the tone reached the caller only if Kefu decrypted baresip's SRTP.</li>
 * <li><b>No key in Kefu's log</b>: the server log holds no {@code inline:} value unmasked.</li>
 * </ul>
 */
@org.junit.jupiter.api.Tag("database-neutral") // no database involved: .ci/run runs it on H2 only
@ExtendWith(ArquillianExtension.class)
class BaresipSrtpIT {

    private static final String EXTENSION = "8006";
    private static final int RATE = BaresipIT.RATE;


    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "baresip-srtp-probe.war")
                .addClasses(BaresipSrtpIT.class, BaresipIT.class, Sipp.class, SipBed.class, SipBed.Step.class)
                .addPackages(true, "org.awaitility", "org.hamcrest")
                .addAsResource("sipp/caller-plays-audio.xml")
                .addAsResource("sipp/caller-talks.xml")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.kefu.ear\n"));
    }

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @Test
    @OperateOnDeployment("probe")
    void baresipOverTlsAndSrtpCarriesAudioBothWaysThroughKefu() throws Exception {
        Path baresipBin = Paths.get("/usr/bin/baresip");
        if (!Files.isExecutable(baresipBin)) {
            fail("baresip is missing: install the Debian package baresip (tools/ensure-test-tools.sh baresip)");
        }
        if (!Files.exists(Paths.get("/usr/lib/baresip/modules/srtp.so"))) {
            fail("baresip's srtp module is missing (/usr/lib/baresip/modules/srtp.so)");
        }
        String keyStore = System.getProperty("kefu.sip.tls.keystore", "");
        String tlsPort = System.getProperty("kefu.sip.tls.port", "");
        assertFalse(keyStore.isBlank() || tlsPort.isBlank(),
                "the test server runs with SIP over TLS (-Dkefu.sip.tls.keystore, see arquillian.xml)");

        Path dir = Files.createTempDirectory("baresip-srtp-");
        int sipPort = BaresipIT.freeBlock();
        writeConfig(dir, sipPort, Integer.parseInt(tlsPort), Path.of(keyStore), System.getProperty("kefu.sip.tls.password", ""));
        Path log = dir.resolve("baresip.log");
        Process baresip = new ProcessBuilder(baresipBin.toString(), "-4", "-v", "-s", "-f", dir.toString(), "-t", "60")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try (SwitchConnection sw = switchFactory.getConnection()) {
            BaresipIT.awaitTrue(() -> registered(sw), () -> "8006 registered over TLS: " + BaresipIT.read(log));

            Sipp talker = Sipp.start("caller-plays-audio.xml",
                    Map.of("service", EXTENSION, "caller", "13800000071", "talk", "8500"));
            BaresipIT.awaitTrue(() -> connectedCall(sw) != null, () -> "baresip answered: " + BaresipIT.read(log) + talker.report());
            CallId firstCall = connectedCall(sw);
            assertEquals(0, talker.await(40), talker.report() + BaresipIT.read(log));

            Sipp echo = Sipp.start("caller-talks.xml",
                    Map.of("service", EXTENSION, "caller", "13800000072", "talk", "5000"),
                    Sipp.nextPort(), List.of("-rtp_echo"));
            BaresipIT.awaitTrue(() -> connectedCall(sw) != null && !firstCall.equals(connectedCall(sw)),
                    () -> "baresip answered the second call: " + BaresipIT.read(log) + echo.report());
            assertEquals(0, echo.await(40), echo.report() + BaresipIT.read(log));

            BaresipIT.awaitTrue(() -> BaresipIT.count(BaresipIT.raw(log), BaresipIT.CALL_ENDED) >= 2,
                    () -> "baresip saw both calls end: " + BaresipIT.read(log));
            baresip.destroy();
            baresip.waitFor(10, TimeUnit.SECONDS);
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);

            // Signalling over TLS; media offered and answered as SRTP with SDES keys, both calls.
            assertTrue(Pattern.compile("REGISTER sip:\\S+ SIP/2.0\\s+Via: SIP/2.0/TLS").matcher(text).find(),
                    "baresip registered over TLS: " + text);
            assertEquals(2, BaresipIT.count(text, Pattern.compile("INVITE sip:\\S+;transport=tls SIP/2.0")),
                    "Kefu rang baresip over TLS twice: " + text);
            int savp = BaresipIT.count(text, Pattern.compile("m=audio \\d+ RTP/SAVP "));
            int keys = BaresipIT.count(text, Pattern.compile("a=crypto:\\d+ AES_CM_128_HMAC_SHA1_80 inline:"));
            assertTrue(savp >= 4, "offers and answers of both calls are RTP/SAVP (" + savp + "): " + text);
            assertTrue(keys >= 4, "and carry AES_CM_128_HMAC_SHA1_80 keys both ways (" + keys + "): " + text);
            assertEquals(0, BaresipIT.count(text, Pattern.compile("m=audio \\d+ RTP/AVP ")), "no plain RTP offered to or by baresip: " + text);

            List<Path> heard = BaresipIT.decodedDumps(text);
            assertEquals(2, heard.size(), "baresip wrote what it decoded in each call: " + text);

            short[] first = BaresipIT.wavSamples(heard.get(0));
            int loud = 0;
            for (int s = 0; s + RATE <= first.length; s += RATE) {
                double rms = BaresipIT.rms(first, s, RATE);
                if (rms > 300) {
                    loud++;
                    double share = BaresipIT.toneShare(first, s, RATE);
                    assertTrue(share < 0.2, "second " + s / RATE + " of the caller's call is baresip's own tone: "
                            + BaresipIT.summary(first));
                }
            }
            assertTrue(loud >= 4, "baresip decrypted the caller's speech from Kefu's SRTP: " + BaresipIT.summary(first)
                    + "\n" + talker.report() + text);

            short[] second = BaresipIT.wavSamples(heard.get(1));
            int tone = 0;
            for (int s = 0; s + RATE <= second.length; s += RATE) {
                if (BaresipIT.rms(second, s, RATE) > 1000 && BaresipIT.toneShare(second, s, RATE) > 0.5) {
                    tone++;
                }
            }
            assertTrue(tone >= 2, "Kefu decrypted baresip's SRTP tone, the caller echoed it, baresip decrypted it back: "
                    + BaresipIT.summary(second) + "\n" + echo.report() + text);

            Path serverLog = Paths.get(System.getProperty("jboss.server.log.dir"), "server.log");
            Matcher key = Pattern.compile("inline:(?!<masked>)\\S+").matcher(Files.readString(serverLog, StandardCharsets.ISO_8859_1));
            assertFalse(key.find(), "an SRTP key in Kefu's log: " + (key.hitEnd() ? "" : key.group()));

            BaresipIT.awaitTrue(() -> !registered(sw), () -> "baresip unregistered when it stopped: " + BaresipIT.read(log));
            BaresipIT.deleteTree(dir);
        } finally {
            baresip.destroyForcibly();
        }
    }

    /**
     * As {@link BaresipIT}'s configuration, plus: TLS (Kefu's certificate as the CA to check it
     * against, the same key and certificate as baresip's own, so Kefu's client trusts it when it
     * rings baresip), the srtp module, and the account on Kefu's TLS port with SRTP mandatory.
     */
    private static void writeConfig(Path dir, int sipPort, int kefuTlsPort, Path keyStore, String password) throws Exception {
        Path tone = dir.resolve("tone.wav");
        BaresipIT.writeTone(tone, 20);
        Path dumps = Files.createDirectories(dir.resolve("heard"));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, password.toCharArray());
        }
        String alias = ks.aliases().nextElement();
        String cert = pem("CERTIFICATE", ks.getCertificate(alias).getEncoded());
        String key = pem("PRIVATE KEY", ks.getKey(alias, password.toCharArray()).getEncoded());
        Path ca = dir.resolve("kefu-ca.pem");
        Files.writeString(ca, cert);
        Path own = dir.resolve("baresip.pem");
        Files.writeString(own, cert + key);
        Files.setPosixFilePermissions(own, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("config"), String.join("\n",
                "poll_method epoll",
                "net_interface 127.0.0.1",
                "sip_listen 127.0.0.1:" + sipPort,
                "sip_cafile " + ca,
                "sip_certificate " + own,
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
                "module srtp.so",
                "module_tmp account.so",
                "snd_path " + dumps,
                ""));
        Files.writeString(dir.resolve("accounts"),
                "<sip:" + EXTENSION + "@127.0.0.1:" + kefuTlsPort + ";transport=tls>"
                        + ";auth_user=" + EXTENSION + ";auth_pass=kefu2026;answermode=auto;regint=600;mediaenc=srtp-mand\n");
        Files.writeString(dir.resolve("contacts"), "");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private boolean registered(SwitchConnection sw) {
        try {
            return sw.snapshotDevice(new DeviceId(EXTENSION)).registered();
        } catch (Exception e) {
            return false;
        }
    }

    private CallId connectedCall(SwitchConnection sw) {
        try {
            return sw.snapshotDevice(new DeviceId(EXTENSION)).connections().stream()
                    .filter(p -> p.state() == ConnectionState.CONNECTED)
                    .map(p -> p.connection().call()).findFirst().orElse(null);
        } catch (Exception e) {
            return null;
        }
    }
}
