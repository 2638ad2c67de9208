package org.kefu.telephony.switching;

import org.jboss.logging.Logger;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.media.MediaEngine;
import org.kefu.telephony.media.MediaSession;
import org.kefu.telephony.sip.RefusalAudit;
import org.kefu.telephony.sip.SipLink;
import org.kefu.telephony.timing.Timers;

import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the switch's parts share: its configuration and devices, where application work runs, and
 * what exists only while the switch runs (the event sink, the media engine, the SIP link, the
 * timers). {@link SipSwitch} sets the running parts at start and clears them at stop.
 */
final class SwitchRuntime {

    /**
     * The switch's log category, the façade's name as before it was split into parts (so that log
     * configuration and searches keep working); named, not taken from the class, so that no part
     * refers back to the façade.
     */
    static final Logger LOG = Logger.getLogger("org.kefu.telephony.switching.SipSwitch");

    final SwitchConfig config;
    /** Where SIP application work runs (the adapter's SIP workers): futures completed on SIP threads continue here. */
    final Executor executor;
    final DeviceDirectory devices = new DeviceDirectory();

    volatile Consumer<CallEvent> events = e -> { };
    volatile MediaEngine media;
    volatile SwitchMedia negotiator;
    volatile SipLink sip;
    /** Where the switch reports what it refuses for its protection (see {@link RefusalAudit}). */
    volatile RefusalAudit refusals = RefusalAudit.logOnly();
    /** The switch's timed tasks while it runs (see {@link Timers}). */
    volatile Timers timers;

    SwitchRuntime(SwitchConfig config, Executor executor) {
        this.config = config;
        this.executor = executor;
    }

    void emit(CallEvent event) {
        try {
            events.accept(event);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Cannot deliver %s", event.getClass().getSimpleName());
        }
    }

    /** The party's media session, once its leg has one (answered). */
    MediaSession mediaOf(Party p) throws TelephonyException {
        MediaSession m = p.media != null ? p.media : negotiator.session(p.sip.callId());
        if (m == null) {
            throw new TelephonyException("no media on " + p.id + " (not answered yet)");
        }
        p.media = m;
        return m;
    }

    /** As many calls as the media port range can carry with a leg or two each, less a margin. */
    int maxCalls() {
        int pairs = (config.mediaPortMax() - config.mediaPortMin() + 1) / 2;
        return Math.max(1, pairs / 2 - 16);
    }

    static CallId newCallId() {
        return new CallId(UUID.randomUUID().toString());
    }
}
