package org.kefu.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kefu.acd.routing.AgentState;
import org.kefu.acd.routing.EnqueueResult;
import org.kefu.telephony.CallId;

class AgentSessionsTest {

    private AcdBeans acd;

    @BeforeEach
    void centre() {
        acd = new AcdBeans(AcdBeans.queue("banking", "banking", 10, 0)).start();
        acd.agent("1001", "8001", "banking");
        acd.agent("1002", "8002", "banking");
    }

    @Test
    void loginIsNotReadyUntilTheAgentSaysReady() {
        assertThat(acd.sessions.login("1001", "8001").state()).isEqualTo(AgentState.NOT_READY);
        assertThat(acd.db.persisted).anySatisfy(row -> assertThat(row).isInstanceOf(AgentLogin.class));

        assertThat(acd.sessions.ready("1001").state()).isEqualTo(AgentState.READY);
        assertThat(acd.published).contains("1001 READY");
        assertThat(acd.db.statements).anySatisfy(s -> assertThat(s).startsWith("update AgentLogin").contains("READY"));
    }

    @Test
    void loginNeedsAKnownAgentAndAProvisionedDesk() {
        assertThatThrownBy(() -> acd.sessions.login("9999", "8001"))
                .isInstanceOfSatisfying(AcdException.class, e -> assertThat(e.getKind()).isEqualTo(AcdException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> acd.sessions.login("1001", "8999"))
                .isInstanceOfSatisfying(AcdException.class, e -> assertThat(e.getKind()).isEqualTo(AcdException.Kind.BAD_REQUEST));
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void notReadyTakesAConfiguredReasonOnly() {
        acd.ready("1001", "8001");

        assertThat(acd.sessions.notReady("1001", "lunch").reason()).isEqualTo("lunch");
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.NOT_READY);
        assertThatThrownBy(() -> acd.sessions.notReady("1001", "nap"))
                .isInstanceOfSatisfying(AcdException.class, e -> assertThat(e.getKind()).isEqualTo(AcdException.Kind.BAD_REQUEST));
    }

    @Test
    void aLockedSeatTakesNoCallAndUnlocksNotReady() {
        acd.ready("1001", "8001");
        assertThat(acd.sessions.lock("1001").state()).isEqualTo(AgentState.LOCKED);

        EnqueueResult.Outcome outcome = acd.offers.enqueue(new CallId("c1"), AcdBeans.caller("c1"), "banking", 0, null, null);
        assertThat(outcome).isEqualTo(EnqueueResult.Outcome.QUEUED);
        assertThat(acd.phones.commands("routeTo")).isEmpty();

        assertThat(acd.sessions.unlock("1001").state()).isEqualTo(AgentState.NOT_READY);
        assertThatThrownBy(() -> acd.sessions.unlock("1001"))
                .isInstanceOfSatisfying(AcdException.class, e -> assertThat(e.getKind()).isEqualTo(AcdException.Kind.CONFLICT));
    }

    @Test
    void readyWithACallerWaitingRingsAtOnce() {
        acd.sessions.login("1001", "8001");
        acd.offers.enqueue(new CallId("c1"), AcdBeans.caller("c1"), "banking", 0, null, null);
        assertThat(acd.phones.commands("routeTo")).isEmpty();

        assertThat(acd.sessions.ready("1001").state()).isEqualTo(AgentState.RESERVED);
        assertThat(acd.phones.commands("routeTo")).containsExactly("routeTo c1 8001");
    }

    @Test
    void logoutEndsTheLoginRowAndTheSession() {
        acd.ready("1001", "8001");

        assertThat(acd.sessions.logout("1001").state()).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(acd.db.statements).anySatisfy(s -> assertThat(s).startsWith("delete from AgentLogin").contains("1001"));
        assertThat(acd.published).endsWith("1001 LOGGED_OUT");
    }

    @Test
    void followMeRingsTheBoundNumberInsteadOfTheDesk() {
        acd.ready("1001", "8001");
        acd.sessions.bindFollowMe("1001", "13800138000", "1001", "10.0.0.1");
        assertThat(acd.sessions.boundFollowMeNumber("1001")).contains("13800138000");
        assertThat(acd.sessions.followMeNumber("1001")).isEmpty();

        acd.sessions.followMe("1001", true, "1001", "10.0.0.1");
        acd.offers.enqueue(new CallId("c1"), AcdBeans.caller("c1"), "banking", 0, null, null);

        assertThat(acd.sessions.followMeNumber("1001")).contains("13800138000");
        assertThat(acd.phones.commands("routeTo")).containsExactly("routeTo c1 13800138000");
        assertThat(acd.audited).containsExactly("1001 FOLLOW_ME_BIND 1001", "1001 FOLLOW_ME_ON 1001");
    }

    @Test
    void followMeNeedsABoundNumberAndALogin() {
        assertThatThrownBy(() -> acd.sessions.followMe("1001", true, "1001", null))
                .isInstanceOfSatisfying(AcdException.class, e -> assertThat(e.getKind()).isEqualTo(AcdException.Kind.BAD_REQUEST));
        acd.sessions.bindFollowMe("1001", "13800138000", "1001", null);
        assertThatThrownBy(() -> acd.sessions.followMe("1001", true, "1001", null))
                .isInstanceOfSatisfying(AcdException.class, e -> assertThat(e.getKind()).isEqualTo(AcdException.Kind.CONFLICT));
        assertThatThrownBy(() -> acd.sessions.bindFollowMe("1001", "8002", "1001", null))
                .isInstanceOfSatisfying(AcdException.class, e -> assertThat(e.getMessage()).contains("desk phone"));
    }

    @Test
    void followMeEndsWithTheLogout() {
        acd.ready("1001", "8001");
        acd.sessions.bindFollowMe("1001", "13800138000", "1001", null);
        acd.sessions.followMe("1001", true, "1001", null);

        acd.sessions.logout("1001");

        assertThat(acd.sessions.followMeNumber("1001")).isEmpty();
    }
}
