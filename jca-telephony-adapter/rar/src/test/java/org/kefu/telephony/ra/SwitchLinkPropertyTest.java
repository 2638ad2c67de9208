package org.kefu.telephony.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.TimerTask;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The resource adapter runs the switch link its SwitchLink property names (sip, the default); an
 * unknown name stops it before anything starts, with one message naming the known links. The
 * switch's and SIP link's housekeeping runs on a timer from the BootstrapContext, not on threads
 * of their own.
 */
class SwitchLinkPropertyTest {

    private static final int PORT = 15097;
    private final KefuResourceAdapter adapter = new KefuResourceAdapter();
    private final List<CountingTimer> timers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        adapter.stop();
        timers.forEach(java.util.Timer::cancel);
    }

    @Test
    void anUnknownLinkStopsTheAdapterNamingTheKnownOnes() {
        adapter.setSwitchLink("csta");
        assertThatThrownBy(() -> adapter.start(context()))
                .isInstanceOf(ResourceAdapterInternalException.class)
                .hasMessage("Unknown switch link \"csta\" (resource-adapter property SwitchLink, -Dkefu.switch.link): "
                        + "the known links are [sip]");
        assertThat(timers).as("nothing started").isEmpty();
    }

    @Test
    void theNameIsTakenTrimmedAndInAnyCaseAndEmptyMeansSip() {
        assertThat(new KefuResourceAdapter().getSwitchLink()).isEqualTo("sip");
        assertThat(KefuResourceAdapter.linkName(" SIP ")).isEqualTo("sip");
        assertThat(KefuResourceAdapter.linkName("")).isEqualTo("sip");
        assertThat(KefuResourceAdapter.linkName(null)).isEqualTo("sip");
    }

    @Test
    void theSipLinkRunsItsHousekeepingOnTheServersTimer() throws Exception {
        adapter.setSwitchLink("sip");
        adapter.setSipHost("127.0.0.1");
        adapter.setSipPort(PORT);
        adapter.setMediaPortMin(46100);
        adapter.setMediaPortMax(46199);
        adapter.setRecordingDirectory("target/switch-link-recordings");
        adapter.start(context());

        assertThat(adapter.link().linkStatus().up()).isTrue();
        assertThat(timers).as("the watchdog's and the housekeeping's").hasSize(2);
        // The switch's sweep of its calls; the SIP link's sweep of registrations, nonces and throttles,
        // and its call limits.
        assertThat(timers.get(1).periodic.get()).isEqualTo(3);
    }

    /** A server timer that counts its periodic tasks. */
    static final class CountingTimer extends java.util.Timer {
        final AtomicInteger periodic = new AtomicInteger();

        CountingTimer() {
            super(true);
        }

        @Override
        public void schedule(TimerTask task, long delay, long period) {
            periodic.incrementAndGet();
            super.schedule(task, delay, period);
        }
    }

    private BootstrapContext context() {
        return new BootstrapContext() {
            @Override
            public WorkManager getWorkManager() {
                throw new UnsupportedOperationException("the adapter keeps its own workers");
            }

            @Override
            public XATerminator getXATerminator() {
                return null;
            }

            @Override
            public java.util.Timer createTimer() {
                CountingTimer t = new CountingTimer();
                timers.add(t);
                return t;
            }

            @Override
            public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
                return false;
            }

            @Override
            public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
                return null;
            }
        };
    }
}
