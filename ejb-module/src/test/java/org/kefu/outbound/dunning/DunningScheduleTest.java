package org.kefu.outbound.dunning;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class DunningScheduleTest {

    @Test
    void theDailyRunIsATimeOfDayOrNone() {
        assertThat(DunningSchedule.dailyAt("09:30")).contains(LocalTime.of(9, 30));
        assertThat(DunningSchedule.dailyAt(" 18:05 ")).contains(LocalTime.of(18, 5));
        assertThat(DunningSchedule.dailyAt(null)).isEmpty();
        assertThat(DunningSchedule.dailyAt("")).isEmpty();
        assertThat(DunningSchedule.dailyAt("half past nine")).isEmpty();
        assertThat(DunningSchedule.dailyAt("25:00")).isEmpty();
    }
}
