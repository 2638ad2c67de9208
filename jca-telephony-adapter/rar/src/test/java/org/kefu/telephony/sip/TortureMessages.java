package org.kefu.telephony.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Loads the RFC 4475 messages from test resources as bytes, applying the README's line-end rule. */
final class TortureMessages {

    /** These carry their exact bytes (CRLF and binary): never convert. */
    static final Set<String> VERBATIM = Set.of("intmeth", "mpart01");

    private TortureMessages() {
    }

    static byte[] load(String name) throws IOException {
        try (InputStream in = TortureMessages.class.getResourceAsStream("/sip-torture/" + name + ".dat")) {
            if (in == null) throw new IOException("missing torture message " + name);
            byte[] raw = in.readAllBytes();
            return VERBATIM.contains(name) ? raw : lfToCrlf(raw);
        }
    }

    /** Every LF not preceded by CR becomes CRLF (the Content-Length values assume CRLF). */
    static byte[] lfToCrlf(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 64);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(raw[i]);
        }
        return out.toByteArray();
    }

    /** Transport named by the top Via ("UDP", "TCP", "TLS"), or UDP. */
    static String viaTransport(byte[] message) {
        String s = new String(message, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?im)^(?:via|v)\\s*:\\s*SIP\\s*/\\s*[0-9.]+\\s*/\\s*([A-Z]+)").matcher(s);
        return m.find() ? m.group(1).toUpperCase() : "UDP";
    }
}
