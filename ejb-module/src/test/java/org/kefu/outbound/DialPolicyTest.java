package org.kefu.outbound;

import org.kefu.platform.WorkingDayCalendar;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kefu.acd.DialPath;
import org.kefu.acd.DialRefused;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The dial policy's order of questions on each outbound path: the do-not-call list (callbacks and
 * click-to-dial, not a transfer the caller asked for), the calling hours (callbacks: a refusal until
 * they open, not audited), then the categories.
 */
class DialPolicyTest {

    private static final String LISTED = "13800000066";
    private final List<String> audited = new ArrayList<>();
    private final DialPolicy policy = new DialPolicy();

    @BeforeEach
    void wire() {
        // No number is a desk phone here.
        policy.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> null);
        policy.audit = new AuditLog() {
            @Override
            public void recordIndependently(String actor, String action, String target, AuditOutcome outcome, String detail,
                                            String sourceAddress) {
                audited.add(actor + " " + action + " " + target + " " + detail);
            }
        };
        policy.doNotCall = new DoNotCallList() {
            @Override
            public Optional<DoNotCallEntry> forbidding(String number) {
                return LISTED.equals(number)
                        ? Optional.of(new DoNotCallEntry(LISTED, null, "asked not to be called", "1005", Instant.EPOCH, null))
                        : Optional.empty();
            }
        };
        policy.calendar = new WorkingDayCalendar() {
            @Override
            public boolean isHoliday(LocalDate date) {
                return false;
            }

            @Override
            public boolean isWorkingDay(LocalDate date) {
                return true;
            }
        };
        hours("00:00-24:00");
        policy.load();
    }

    @AfterEach
    void defaults() {
        for (String day : new String[] {"workday", "weekend", "holiday"}) {
            System.clearProperty("kefu.outbound.hours." + day);
        }
    }

    private static void hours(String window) {
        for (String day : new String[] {"workday", "weekend", "holiday"}) {
            System.setProperty("kefu.outbound.hours." + day, window);
        }
    }

    @Test
    void aListedNumberIsRefusedForGoodOnCallbacksAndClickToDialAndAudited() {
        for (DialPath path : new DialPath[] {DialPath.CALLBACK, DialPath.CLICK_TO_DIAL}) {
            assertThatThrownBy(() -> policy.check("1001", Set.of("agent"), "hotline", LISTED, path, "10.0.0.9"))
                    .isInstanceOfSatisfying(DialRefused.class, e -> {
                        assertThat(e.code()).isEqualTo("DO_NOT_CALL");
                        assertThat(e.retryAt()).isNull();
                    });
        }
        assertThat(audited).hasSize(2).allSatisfy(a -> assertThat(a).startsWith("1001 DIAL_REFUSED " + LISTED + " path="))
                .allSatisfy(a -> assertThat(a).contains("asked not to be called"));
        // A transfer the caller asked for is not a call to the customer.
        assertThatNoException().isThrownBy(() -> policy.check("1001", Set.of("agent"), "hotline", LISTED, DialPath.TRANSFER, null));
    }

    @Test
    void outsideTheCallingHoursACallbackWaitsUntilTheyOpenAndClickToDialIsNotHeldBack() {
        hours(java.time.ZonedDateTime.now(CallingHours.CENTER_ZONE).getHour() < 12 ? "18:00-19:00" : "06:00-07:00");
        Instant now = Instant.now();
        assertThatThrownBy(() -> policy.check("kefu-callbacks", Set.of("agent"), "hotline", "13800000067", DialPath.CALLBACK, null))
                .isInstanceOfSatisfying(DialRefused.class, e -> {
                    assertThat(e.code()).isEqualTo("CALLING_HOURS");
                    assertThat(e.retryAt()).isAfter(now).isBefore(now.plusSeconds(24 * 3600));
                });
        assertThat(audited).as("waiting for the hours is no refusal to audit").isEmpty();
        assertThatNoException().isThrownBy(() -> policy.check("1001", Set.of("agent"), "hotline", "13800000067", DialPath.CLICK_TO_DIAL, null));
    }

    @Test
    void noCallingHoursAtAllIsARefusalForGood() {
        hours("");
        assertThatThrownBy(() -> policy.check("kefu-callbacks", Set.of("agent"), "hotline", "13800000067", DialPath.CALLBACK, null))
                .isInstanceOfSatisfying(DialRefused.class, e -> assertThat(e.retryAt()).isNull());
        assertThat(audited).singleElement().satisfies(a -> assertThat(a).contains("no calling hours"));
    }
}
