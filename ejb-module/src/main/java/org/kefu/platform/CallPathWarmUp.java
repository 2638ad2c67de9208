package org.kefu.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.jboss.logging.Logger;
import org.kefu.telephony.SwitchConnectionFactory;

/**
 * Before Kefu takes its first outside call, it calls itself: {@code kefu.warmup.calls} calls
 * (default 2,000) at {@code kefu.warmup.rate} a second (200) to {@code kefu.warmup.number} (the
 * hotline, 12345), each hung up after {@code kefu.warmup.holdMillis} (1,500 ms), through the real
 * path: SIP on loopback, this call flow and its IVR, media. Why: a just-started JVM runs all of that
 * interpreted, and a server that met ordinary traffic cold queued calls behind the compiler (issue
 * 13). Outside calls get 503 and health says DOWN ("warming up") meanwhile; the startup banner is
 * printed when it is over. Warm-up calls write no CDR. {@code -Dkefu.warmup.calls=0} turns it off.
 *
 * <p>It runs after the deployment's start, not in it: WildFly holds every call into the EJBs (the
 * call-event bean's too) until all startup beans are up, so warm-up calls made from a startup bean
 * would wait for themselves.
 */
@Startup
@Singleton
@DependsOn({"SchemaMigrator", "NumberPlan", "InboundRouting", "IvrFlows", "CallClock", "DeskPhones", "CallDetailRecords"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll // local only
public class CallPathWarmUp {

    private static final Logger LOG = Logger.getLogger(CallPathWarmUp.class);

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @Resource
    private ManagedExecutorService executor;

    @EJB
    private StartupBanner banner;

    @PostConstruct
    void start() {
        int calls = Integer.getInteger("kefu.warmup.calls", 2000);
        if (calls <= 0) {
            executor.execute(() -> banner.announce("off (kefu.warmup.calls=0)"));
            return;
        }
        int rate = Integer.getInteger("kefu.warmup.rate", 200);
        long hold = Long.getLong("kefu.warmup.holdMillis", 1500);
        String number = System.getProperty("kefu.warmup.number", "12345");
        executor.execute(() -> {
            LOG.infof("Warming up the call path: %d calls to %s at %d/s; outside calls get 503 meanwhile", calls, number, rate);
            String outcome = switchFactory.warmUp(number, calls, rate, hold);
            LOG.info(outcome);
            banner.announce(outcome);
        });
    }
}
