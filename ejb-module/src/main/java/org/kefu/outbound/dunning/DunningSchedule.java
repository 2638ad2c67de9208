package org.kefu.outbound.dunning;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import org.jboss.logging.Logger;
import org.kefu.outbound.CallingHours;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The daily dunning run: at {@code kefu.dunning.dailyAt} (HH:mm, Asia/Shanghai; unset: no daily
 * run, runs are started over REST or from the supervisor's page) Kefu reminds every customer who
 * is due a reminder, as the user {@value #ACTOR} in the audit trail. Reminders by SMS still wait
 * for the calling hours. With two nodes each runs it; the one-reminder-per-bill-and-day key keeps
 * the second from reminding anyone twice (its run fails and is logged).
 */
@Singleton
@Startup
@RunAs("supervisor") // a run needs a supervisor's or administrator's right; the timer has no caller
@PermitAll
public class DunningSchedule {

    static final String ACTOR = "kefu-dunning-schedule";
    private static final Logger LOG = Logger.getLogger(DunningSchedule.class);

    @Resource
    private TimerService timers;

    @EJB
    private DunningRuns runs;

    @PostConstruct
    void start() {
        dailyAt(System.getProperty("kefu.dunning.dailyAt")).ifPresent(at -> {
            ScheduleExpression daily = new ScheduleExpression().hour(at.getHour()).minute(at.getMinute()).second(0)
                    .timezone(CallingHours.CENTER_ZONE.getId());
            timers.createCalendarTimer(daily, new TimerConfig("dunning-daily", false));
            LOG.infof("Dunning runs every day at %s (%s)", at, CallingHours.CENTER_ZONE);
        });
    }

    /** The time of day of {@code text} (HH:mm); empty, with a warning, when unset or not a time. */
    static Optional<LocalTime> dailyAt(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(text.strip()));
        } catch (DateTimeParseException e) {
            LOG.warnf("kefu.dunning.dailyAt=%s is not a time of day (HH:mm): no daily dunning run", text);
            return Optional.empty();
        }
    }

    @Timeout
    void daily() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("The daily dunning run failed: %s", e.getMessage());
        }
    }

    /** One run as the schedule (also what the timer does); what it did. */
    public DunningRun run() {
        return runs.run(ACTOR, "timer");
    }
}
