package org.kefu.telephony.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.jboss.logging.Logger;

/**
 * JAIN-SIP's message trace ("server log") routed to JBoss Logging at TRACE.
 * Why: the default gov.nist.javax.sip.stack.ServerLog writes its own files; in WildFly the logging
 * subsystem decides where SIP traces go (category {@code org.kefu.telephony.sip.messages}).
 * Credentials and DTMF bodies are masked first ({@link SipLogMask}).
 */
public final class SipMessageLogger implements ServerLogger {

    private static final Logger LOG = Logger.getLogger("org.kefu.telephony.sip.messages");

    public SipMessageLogger() {
        // reflective instantiation by the stack
    }

    @Override public void closeLogFile() { }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, null, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, status, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, status, sender);
    }

    private static void log(SIPMessage message, String from, String to, String status, boolean sender) {
        if (LOG.isTraceEnabled()) {
            LOG.tracef("%s %s -> %s %s%n%s", sender ? "sent" : "received", from, to,
                    status == null ? "" : status, text(message));
        }
    }

    /** The message as the trace writes it: credentials and DTMF bodies masked. */
    static String text(SIPMessage message) {
        return message == null ? "" : SipLogMask.mask(message.encode());
    }

    @Override public void logException(Exception ex) { LOG.debug("SIP stack exception", ex); }
    @Override public void setStackProperties(Properties stackProperties) { }
    @Override public void setSipStack(SipStack sipStack) { }
}
