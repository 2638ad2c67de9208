package org.kefu.telephony.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * JAIN-SIP's internal logger routed to JBoss Logging.
 * Why: the RI's default logger (gov.nist.core.LogWriter) needs log4j 1.x, which WildFly does not have;
 * configured through {@code gov.nist.javax.sip.STACK_LOGGER} no log4j class is ever touched.
 */
public final class SipStackLogger implements StackLogger {

    private static final Logger LOG = Logger.getLogger("org.kefu.telephony.sip.stack");
    private volatile boolean enabled = true;

    public SipStackLogger() {
        // JAIN-SIP instantiates this reflectively (no-arg constructor required)
    }

    @Override public void logStackTrace() { logStackTrace(TRACE_DEBUG); }

    @Override
    public void logStackTrace(int traceLevel) {
        if (isLoggingEnabled(traceLevel)) {
            LOG.log(level(traceLevel), "stack trace", new Throwable("stack trace"));
        }
    }

    @Override public int getLineCount() { return 0; }
    // Every line passes SipLogMask: the stack's debug lines quote whole messages (credentials,
    // SIP INFO key presses). Masking only when the level is on keeps it off the call path.
    @Override public void logException(Throwable ex) { if (enabled) LOG.warn("SIP stack exception", ex); }
    @Override public void logDebug(String message) { log(Logger.Level.DEBUG, message, null); }
    @Override public void logDebug(String message, Exception ex) { log(Logger.Level.DEBUG, message, ex); }
    @Override public void logTrace(String message) { log(Logger.Level.TRACE, message, null); }
    @Override public void logFatalError(String message) { LOG.fatal(SipLogMask.mask(message)); }
    @Override public void logError(String message) { log(Logger.Level.ERROR, message, null); }
    @Override public void logError(String message, Exception ex) { log(Logger.Level.ERROR, message, ex); }
    @Override public void logWarning(String message) { log(Logger.Level.WARN, message, null); }
    // The RI's "info" is start-up chatter (thread priority, keystore defaults): debug for us.
    @Override public void logInfo(String message) { log(Logger.Level.DEBUG, message, null); }

    private void log(Logger.Level level, String message, Throwable ex) {
        if (enabled && LOG.isEnabled(level)) {
            LOG.log(level, SipLogMask.mask(message), ex);
        }
    }
    @Override public boolean isLoggingEnabled() { return enabled; }

    @Override
    public boolean isLoggingEnabled(int traceLevel) {
        // The stack guards expensive string building with this call: answer truthfully per level.
        return enabled && traceLevel != TRACE_NONE && LOG.isEnabled(level(traceLevel));
    }

    @Override public void disableLogging() { enabled = false; }
    @Override public void enableLogging() { enabled = true; }
    @Override public void setBuildTimeStamp(String buildTimeStamp) { LOG.debugf("JAIN-SIP build %s", buildTimeStamp); }
    @Override public void setStackProperties(Properties stackProperties) { /* levels come from the logging subsystem */ }
    @Override public String getLoggerName() { return LOG.getName(); }

    static Logger.Level level(int traceLevel) {
        if (traceLevel <= TRACE_FATAL) return Logger.Level.FATAL;
        if (traceLevel <= TRACE_ERROR) return Logger.Level.ERROR;
        if (traceLevel <= TRACE_WARN) return Logger.Level.WARN;
        if (traceLevel <= TRACE_INFO) return Logger.Level.DEBUG;
        if (traceLevel <= TRACE_DEBUG) return Logger.Level.DEBUG;
        return Logger.Level.TRACE;
    }
}
