package org.kefu.telephony.media;

import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logging.Logger;

/**
 * The SRTP library's logger interface onto JBoss Logging, so its messages land in the server's
 * log under {@code org.jitsi.srtp} like everything else. Its own implementation needs a log
 * context per stream we have no use for. What it logs per packet (authentication and replay
 * failures) is at debug level: a peer sending garbage must not fill the log; Kefu counts those
 * failures in {@link RtpStats} instead.
 */
final class SrtpLibraryLog implements org.jitsi.utils.logging2.Logger {
    static final SrtpLibraryLog INSTANCE = new SrtpLibraryLog(Logger.getLogger("org.jitsi.srtp"));

    private final Logger log;

    private SrtpLibraryLog(Logger log) {
        this.log = log;
    }

    @Override
    public org.jitsi.utils.logging2.Logger createChildLogger(String name, Map<String, String> context) {
        return this;
    }

    @Override
    public org.jitsi.utils.logging2.Logger createChildLogger(String name) {
        return this;
    }

    @Override
    public void setUseParentHandlers(boolean use) {
    }

    @Override
    public void addHandler(Handler handler) {
    }

    @Override
    public void removeHandler(Handler handler) {
    }

    @Override
    public boolean isTraceEnabled() {
        return log.isTraceEnabled();
    }

    @Override
    public void trace(Object msg) {
        log.trace(msg);
    }

    @Override
    public void trace(Supplier<String> msg) {
        if (log.isTraceEnabled()) {
            log.trace(msg.get());
        }
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void debug(Object msg) {
        log.debug(msg);
    }

    @Override
    public void debug(Supplier<String> msg) {
        if (log.isDebugEnabled()) {
            log.debug(msg.get());
        }
    }

    @Override
    public boolean isInfoEnabled() {
        return log.isInfoEnabled();
    }

    @Override
    public void info(Object msg) {
        log.debug(msg); // the library's "info" is per stream (which AES it chose): debug for a switch
    }

    @Override
    public void info(Supplier<String> msg) {
        debug(msg);
    }

    @Override
    public boolean isWarnEnabled() {
        return log.isEnabled(Logger.Level.WARN);
    }

    @Override
    public void warn(Object msg) {
        log.debug(msg); // per-packet warnings (bad tags, replays) are counted, not logged
    }

    @Override
    public void warn(Supplier<String> msg) {
        debug(msg);
    }

    @Override
    public void warn(Object msg, Throwable t) {
        log.debug(msg, t);
    }

    @Override
    public void error(Object msg) {
        log.error(msg);
    }

    @Override
    public void error(Supplier<String> msg) {
        log.error(msg.get());
    }

    @Override
    public void error(Object msg, Throwable t) {
        log.error(msg, t);
    }

    @Override
    public void setLevelError() {
    }

    @Override
    public void setLevelWarn() {
    }

    @Override
    public void setLevelInfo() {
    }

    @Override
    public void setLevelDebug() {
    }

    @Override
    public void setLevelTrace() {
    }

    @Override
    public void setLevelAll() {
    }

    @Override
    public void setLevelOff() {
    }

    @Override
    public void setLevel(Level level) {
    }

    @Override
    public Level getLevel() {
        return Level.INFO;
    }

    @Override
    public void addContext(Map<String, String> context) {
    }

    @Override
    public void addContext(String key, String value) {
    }
}
