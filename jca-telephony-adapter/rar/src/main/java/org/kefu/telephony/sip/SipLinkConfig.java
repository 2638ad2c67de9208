package org.kefu.telephony.sip;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of the switch link. Defaults match DEMO-CENTER.md: UDP and TCP 5060 on all interfaces,
 * trunk peers from 127.0.0.0/8.
 *
 * @param host               address to bind ("0.0.0.0" = all interfaces)
 * @param advertisedHost     address written into our Via/Contact; null = host, or 127.0.0.1 when host is 0.0.0.0
 * @param port               SIP port for every transport (JAIN-SIP rejects 0)
 * @param transports         "udp" and/or "tcp"
 * @param trunkAcl           CIDR blocks whose INVITEs are trunk calls
 * @param realm              digest realm for agent extensions
 * @param maxServerTransactions stack-level cap on concurrent server transactions
 * @param threadPoolSize     JAIN-SIP message processing threads
 * @param maxPendingWork     cap on requests handed to the application executor and not yet done; beyond it, 503
 * @param retryAfterSeconds  Retry-After sent with 503
 * @param maxMessageSize     largest accepted message, bytes (16 KiB by default: every received UDP datagram
 *                           is read into a buffer of this size; RFC 3261 wants UDP messages under the
 *                           path MTU anyway, and the longest RFC 4475 message is 3.4 KB)
 * @param udpReceiveBuffer   SO_RCVBUF for UDP, bytes
 * @param nonceLifetime      digest nonce validity; older nonces are answered with stale=true
 * @param defaultExpires     registration lifetime when the phone names none
 * @param maxExpires         upper bound on registration lifetime
 */
public record SipLinkConfig(
        String host,
        String advertisedHost,
        int port,
        Set<String> transports,
        List<String> trunkAcl,
        String realm,
        int maxServerTransactions,
        int threadPoolSize,
        int maxPendingWork,
        int retryAfterSeconds,
        int maxMessageSize,
        int udpReceiveBuffer,
        Duration nonceLifetime,
        int defaultExpires,
        int maxExpires) {

    public SipLinkConfig {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535 (JAIN-SIP rejects 0): " + port);
        }
        transports = Set.copyOf(transports.stream().map(String::toLowerCase).toList());
        for (String t : transports) {
            if (!t.equals("udp") && !t.equals("tcp")) {
                throw new IllegalArgumentException("unsupported transport " + t);
            }
        }
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("at least one transport");
        }
        trunkAcl = List.copyOf(trunkAcl);
        trunkAcl.forEach(Cidr::parse); // fail fast on a typo
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonceLifetime, "nonceLifetime");
    }

    public static SipLinkConfig defaults() {
        return new SipLinkConfig("0.0.0.0", null, 5060, Set.of("udp", "tcp"), List.of("127.0.0.0/8"), "kefu",
                10_000, 8, 256, 5, 16 * 1024, 4 * 1024 * 1024, Duration.ofMinutes(5), 3600, 7200);
    }

    /** The address peers should use to reach us. */
    public String contactHost() {
        if (advertisedHost != null) return advertisedHost;
        return "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
    }

    public SipLinkConfig withHost(String h) { return new SipLinkConfig(h, advertisedHost, port, transports, trunkAcl, realm, maxServerTransactions, threadPoolSize, maxPendingWork, retryAfterSeconds, maxMessageSize, udpReceiveBuffer, nonceLifetime, defaultExpires, maxExpires); }
    public SipLinkConfig withAdvertisedHost(String h) { return new SipLinkConfig(host, h, port, transports, trunkAcl, realm, maxServerTransactions, threadPoolSize, maxPendingWork, retryAfterSeconds, maxMessageSize, udpReceiveBuffer, nonceLifetime, defaultExpires, maxExpires); }
    public SipLinkConfig withPort(int p) { return new SipLinkConfig(host, advertisedHost, p, transports, trunkAcl, realm, maxServerTransactions, threadPoolSize, maxPendingWork, retryAfterSeconds, maxMessageSize, udpReceiveBuffer, nonceLifetime, defaultExpires, maxExpires); }
    public SipLinkConfig withTransports(Set<String> t) { return new SipLinkConfig(host, advertisedHost, port, t, trunkAcl, realm, maxServerTransactions, threadPoolSize, maxPendingWork, retryAfterSeconds, maxMessageSize, udpReceiveBuffer, nonceLifetime, defaultExpires, maxExpires); }
    public SipLinkConfig withTrunkAcl(List<String> acl) { return new SipLinkConfig(host, advertisedHost, port, transports, acl, realm, maxServerTransactions, threadPoolSize, maxPendingWork, retryAfterSeconds, maxMessageSize, udpReceiveBuffer, nonceLifetime, defaultExpires, maxExpires); }
    public SipLinkConfig withRealm(String r) { return new SipLinkConfig(host, advertisedHost, port, transports, trunkAcl, r, maxServerTransactions, threadPoolSize, maxPendingWork, retryAfterSeconds, maxMessageSize, udpReceiveBuffer, nonceLifetime, defaultExpires, maxExpires); }
    public SipLinkConfig withMaxServerTransactions(int n) { return new SipLinkConfig(host, advertisedHost, port, transports, trunkAcl, realm, n, threadPoolSize, maxPendingWork, retryAfterSeconds, maxMessageSize, udpReceiveBuffer, nonceLifetime, defaultExpires, maxExpires); }
    public SipLinkConfig withThreadPoolSize(int n) { return new SipLinkConfig(host, advertisedHost, port, transports, trunkAcl, realm, maxServerTransactions, n, maxPendingWork, retryAfterSeconds, maxMessageSize, udpReceiveBuffer, nonceLifetime, defaultExpires, maxExpires); }
    public SipLinkConfig withMaxPendingWork(int n) { return new SipLinkConfig(host, advertisedHost, port, transports, trunkAcl, realm, maxServerTransactions, threadPoolSize, n, retryAfterSeconds, maxMessageSize, udpReceiveBuffer, nonceLifetime, defaultExpires, maxExpires); }
    public SipLinkConfig withNonceLifetime(Duration d) { return new SipLinkConfig(host, advertisedHost, port, transports, trunkAcl, realm, maxServerTransactions, threadPoolSize, maxPendingWork, retryAfterSeconds, maxMessageSize, udpReceiveBuffer, d, defaultExpires, maxExpires); }
}
