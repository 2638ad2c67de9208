package org.kefu.telephony.switching;

import org.kefu.telephony.DeviceId;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.sip.Credential;
import org.kefu.telephony.sip.CredentialSource;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The extensions allowed to register, with their digest secrets. The application provisions them
 * through the API (from its database); the adapter keeps no file of passwords.
 */
final class DeviceDirectory implements CredentialSource {

    private final Map<String, Credential> devices = new ConcurrentHashMap<>();
    /** Kept up to date on each change: challenges read it at call rate. */
    private volatile boolean everyoneHasSha256;

    /**
     * Provisions a device the application names, after checking that its secrets are digests for
     * the switch's realm (32 hex digits of MD5, and 64 of SHA-256 when given).
     */
    void provision(DeviceId device, String realm, String switchRealm, String digestHa1, String digestHa1Sha256)
            throws TelephonyException {
        if (!switchRealm.equals(realm)) {
            throw new TelephonyException("device " + device + " has credentials for realm \"" + realm
                    + "\", but the switch's realm is \"" + switchRealm + "\"");
        }
        if (digestHa1 == null || !digestHa1.matches("[0-9a-f]{32}")) {
            throw new TelephonyException("device " + device + ": the digest secret must be 32 hex digits (MD5 HA1)");
        }
        if (digestHa1Sha256 != null && !digestHa1Sha256.matches("[0-9a-f]{64}")) {
            throw new TelephonyException("device " + device + ": the SHA-256 digest secret must be 64 hex digits");
        }
        provision(device.value(), digestHa1, digestHa1Sha256);
    }

    /** @param ha1Sha256 SHA-256(extension:realm:password), or null when only the MD5 secret is stored */
    void provision(String extension, String ha1, String ha1Sha256) {
        devices.put(extension, Credential.ofHa1(extension, ha1, ha1Sha256));
        recount();
    }

    void remove(String extension) {
        devices.remove(extension);
        recount();
    }

    private synchronized void recount() {
        everyoneHasSha256 = !devices.isEmpty() && devices.values().stream().allMatch(c -> c.ha1Sha256() != null);
    }

    @Override
    public boolean everyoneHasSha256() {
        return everyoneHasSha256;
    }

    boolean knows(String extension) {
        return devices.containsKey(extension);
    }

    @Override
    public Optional<Credential> lookup(String extension) {
        return Optional.ofNullable(devices.get(extension));
    }
}
