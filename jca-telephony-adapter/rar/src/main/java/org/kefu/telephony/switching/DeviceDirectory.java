package org.kefu.telephony.switching;

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

    void provision(String extension, String ha1) {
        devices.put(extension, Credential.ofHa1(extension, ha1));
    }

    void remove(String extension) {
        devices.remove(extension);
    }

    boolean knows(String extension) {
        return devices.containsKey(extension);
    }

    @Override
    public Optional<Credential> lookup(String extension) {
        return Optional.ofNullable(devices.get(extension));
    }
}
