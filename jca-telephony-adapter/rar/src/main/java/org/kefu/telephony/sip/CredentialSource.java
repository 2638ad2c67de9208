package org.kefu.telephony.sip;

import java.util.Optional;

/**
 * Where agent extensions' SIP secrets come from (the database, implemented elsewhere).
 * Called on an application executor thread, never on a SIP stack thread, so it may block briefly.
 */
@FunctionalInterface
public interface CredentialSource {

    /** The credential of an extension ("8001"), or empty when the extension does not exist or is disabled. */
    Optional<Credential> lookup(String extension);

    /**
     * Whether every extension can answer a SHA-256 digest (RFC 8760): only then is SHA-256 offered,
     * to every user alike (offering it only to some would tell which extensions exist).
     */
    default boolean everyoneHasSha256() {
        return false;
    }
}
