package org.kefu.telephony.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A UDP (or TCP) socket that sends raw SIP bytes and reads raw responses: nothing between test and link. */
final class RawSipClient implements AutoCloseable {

    private final DatagramSocket udp;
    private final int serverPort;

    RawSipClient(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
    }

    int localPort() {
        return udp.getLocalPort();
    }

    void send(String message) throws IOException {
        send(message.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) throws IOException {
        udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
    }

    /** Next message, or null after timeoutMillis. */
    String receive(int timeoutMillis) throws IOException {
        udp.setSoTimeout(timeoutMillis);
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            udp.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    /** First final (>=200) response within the timeout, or null; provisional ones are skipped. */
    String finalResponse(int timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return null;
            String m = receive((int) left);
            if (m == null) return null;
            if (m.startsWith("SIP/2.0 ") && status(m) >= 200) return m;
        }
    }

    /**
     * First final response to the request with this Call-ID. A closed client's ephemeral port is soon handed to a
     * new one, and a link retransmits a final INVITE response for 32 s: without this, a stale 486 meant for an
     * earlier socket reads as the answer (seen once in CI). A null Call-ID takes any final response.
     */
    String finalResponse(int timeoutMillis, String callId) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return null;
            String m = finalResponse((int) left);
            if (m == null || callId == null || callId.equals(callId(m))) return m;
        }
    }

    /** The Call-ID of a message's first header block, long or compact form, or null when it has none. */
    static String callId(String message) {
        for (String line : message.split("\r?\n")) {
            if (line.isEmpty()) return null;
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String name = line.substring(0, colon).trim();
            if (name.equalsIgnoreCase("Call-ID") || name.equalsIgnoreCase("i")) return line.substring(colon + 1).trim();
        }
        return null;
    }

    /** All messages arriving within the window. */
    List<String> drain(int windowMillis) throws IOException {
        List<String> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + windowMillis;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return out;
            String m = receive((int) left);
            if (m == null) return out;
            out.add(m);
        }
    }

    /** Send over a fresh TCP connection and read what comes back within the timeout. */
    static String tcpExchange(int port, byte[] bytes, int timeoutMillis) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(200);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            long deadline = System.currentTimeMillis() + timeoutMillis;
            byte[] buf = new byte[8192];
            while (System.currentTimeMillis() < deadline) {
                try {
                    int n = in.read(buf);
                    if (n < 0) break;
                    got.write(buf, 0, n);
                    if (hasFinal(got.toString(StandardCharsets.UTF_8))) break;
                } catch (SocketTimeoutException e) {
                    // keep waiting until the deadline
                }
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    private static boolean hasFinal(String stream) {
        Matcher m = Pattern.compile("SIP/2\\.0 (\\d{3}) ").matcher(stream);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) >= 200) return true;
        }
        return false;
    }

    static int status(String response) {
        if (response == null || !response.startsWith("SIP/2.0 ")) return -1;
        return Integer.parseInt(response.substring(8, 11));
    }

    static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    @Override
    public void close() {
        udp.close();
    }
}
