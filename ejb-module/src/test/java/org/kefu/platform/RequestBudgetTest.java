package org.kefu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kefu.acd.routing.MutableClock;

import java.time.Duration;
import java.time.Instant;

class RequestBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));

    @Test
    void anAddressMayAskSoManyTimesAnHourAndIsToldWhenItMayAgain() {
        RequestBudget budget = new RequestBudget(clock, 3, Duration.ofHours(1), 100);
        for (int i = 0; i < 3; i++) {
            assertThat(budget.spend("198.51.100.7")).isEmpty();
            clock.advanceSeconds(600);
        }
        assertThat(budget.spend("198.51.100.7")).contains(Duration.ofMinutes(30));
        assertThat(budget.spend("203.0.113.9")).as("another address has its own budget").isEmpty();

        clock.advanceSeconds(1800);
        assertThat(budget.spend("198.51.100.7")).as("the first request left the window").isEmpty();
        assertThat(budget.spend("198.51.100.7")).isPresent();
    }

    @Test
    void aFloodFromManyAddressesIsBoundedAndTheBoundFreesAsTheWindowMovesOn() {
        RequestBudget budget = new RequestBudget(clock, 5, Duration.ofHours(1), 2);
        assertThat(budget.spend("a")).isEmpty();
        assertThat(budget.spend("b")).isEmpty();

        assertThat(budget.spend("c")).as("a third address while two are tracked").isPresent();
        assertThat(budget.spend("a")).as("a tracked one goes on").isEmpty();

        clock.advanceSeconds(3600);
        assertThat(budget.spend("c")).isEmpty();
    }
}
