package org.kefu.telephony.sip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/** The location table: extension → registered contacts. In memory; phones re-register after a restart. */
public final class Registrations {

    private static final Logger LOG = Logger.getLogger(Registrations.class);

    private final Clock clock;
    private final Map<String, Map<String, Binding>> byAor = new ConcurrentHashMap<>();
    private final List<RegistrationListener> listeners = new CopyOnWriteArrayList<>();

    public Registrations(Clock clock) {
        this.clock = clock;
    }

    public void addListener(RegistrationListener listener) {
        listeners.add(listener);
    }

    public Binding bind(String aor, String contact, Duration expires, String transport, String sourceHost, int sourcePort) {
        Binding binding = new Binding(aor, contact, clock.instant().plus(expires), transport, sourceHost, sourcePort);
        Binding previous = byAor.computeIfAbsent(aor, k -> new ConcurrentHashMap<>()).put(contact, binding);
        if (previous == null) {
            fire(l -> l.registered(binding));
        }
        return binding;
    }

    public void unbind(String aor, String contact) {
        Map<String, Binding> contacts = byAor.get(aor);
        if (contacts != null) {
            Binding removed = contacts.remove(contact);
            if (removed != null) {
                fire(l -> l.unregistered(removed, RegistrationListener.Reason.UNREGISTERED));
            }
            byAor.remove(aor, Map.of());
        }
    }

    public void unbindAll(String aor) {
        Map<String, Binding> contacts = byAor.remove(aor);
        if (contacts != null) {
            contacts.values().forEach(b -> fire(l -> l.unregistered(b, RegistrationListener.Reason.UNREGISTERED)));
        }
    }

    /** Active bindings of an extension, newest expiry first. */
    public List<Binding> lookup(String aor) {
        Instant now = clock.instant();
        Map<String, Binding> contacts = byAor.get(aor);
        if (contacts == null) return List.of();
        List<Binding> out = new ArrayList<>();
        for (Binding b : contacts.values()) {
            if (!b.expired(now)) out.add(b);
        }
        out.sort(Comparator.comparing(Binding::expiresAt).reversed());
        return out;
    }

    /** Where to ring an extension: the most recently refreshed contact. */
    public Optional<Binding> contactFor(String aor) {
        return lookup(aor).stream().findFirst();
    }

    public int size() {
        return byAor.values().stream().mapToInt(Map::size).sum();
    }

    /** Remove lapsed bindings; returns how many. Called periodically by the link. */
    public int sweep() {
        Instant now = clock.instant();
        int removed = 0;
        for (Map.Entry<String, Map<String, Binding>> e : byAor.entrySet()) {
            for (Binding b : e.getValue().values()) {
                if (b.expired(now) && e.getValue().remove(b.contact(), b)) {
                    removed++;
                    fire(l -> l.unregistered(b, RegistrationListener.Reason.EXPIRED));
                }
            }
            byAor.remove(e.getKey(), Map.of());
        }
        return removed;
    }

    private void fire(java.util.function.Consumer<RegistrationListener> event) {
        for (RegistrationListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException ex) {
                LOG.warn("registration listener failed", ex); // one bad listener must not break the table
            }
        }
    }
}
