package org.kefu.telephony.sip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * SIP over TLS (RFC 3261 section 26.2, port 5061 by convention): where it listens and the server's
 * key. Phones and trunks that support it register and call over TLS, so digest exchanges, the
 * numbers dialled and the SDP (with SRTP keys, once there) do not cross the network in clear. No
 * client certificate is asked for: phones authenticate with their digest, as over UDP and TCP.
 *
 * @param port             the TLS listening port
 * @param keyStore         a PKCS#12 file with the server's key and certificate chain
 * @param keyStorePassword its password (from the server's configuration, never from the repository)
 */
public record SipTls(int port, Path keyStore, String keyStorePassword) {

    public SipTls {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SIP TLS port must be 1..65535, not " + port);
        }
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        if (!Files.isReadable(keyStore)) {
            throw new IllegalArgumentException("SIP TLS key store " + keyStore + " is not a readable file");
        }
    }
}
