package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.naming.InitialContext;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broker security (issue 14 item 6) on the real Artemis inside the test server, through the
 * remote connection factory ({@code jms/RemoteConnectionFactory}: the http connector on the HTTP
 * port, as the back office and the branches connect), signed in with Kefu logins against
 * KefuDomain (wildfly-config/cli/security.cli). Only {@code backoffice} sends commands to
 * kefu.backoffice.in and reads kefu.backoffice.out; only {@code branch} answers orders on
 * kefu.securities.replies and takes them off kefu.securities.GZ0n; nobody outside Kefu consumes
 * Kefu's own queues; no guest, no wrong password.
 */
@ExtendWith(ArquillianExtension.class)
class BrokerSecurityIT {

    private static final String PASSWORD = "kefu2026";
    private static final String BRANCH_USER = "it-branch";


    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return Deployments.bankingProbe("broker-probe.war", BrokerSecurityIT.class);
    }

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    /** In-VM, as Kefu's own beans connect: to look at what reached the queues. */
    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory local;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/in")
    private Queue backOfficeIn;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/out")
    private Queue backOfficeOut;

    @Resource(lookup = "java:/jms/queue/kefu/callbacks")
    private Queue callbacks;

    @Resource(lookup = "java:/jms/queue/kefu/securities/GZ01")
    private Queue branchGz01;

    @Resource(lookup = "java:/jms/queue/kefu/securities/replies")
    private Queue replies;

    @Resource(lookup = "java:/jms/queue/kefu/securities/replies/DLQ")
    private Queue repliesDlq;

    /** The factory a remote client gets: over the network, authenticated by the broker. */
    private static ConnectionFactory remote() throws Exception {
        return (ConnectionFactory) new InitialContext().lookup("java:jboss/exported/jms/RemoteConnectionFactory");
    }

    /** A branch system's login (role branch), with the demo back office's password hash. */
    private void ensureBranchUser() throws Exception {
        try (Connection c = kefu.getConnection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM app_user WHERE login = ?")) {
                q.setString(1, BRANCH_USER);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
            }
            try (PreparedStatement u = c.prepareStatement("INSERT INTO app_user (login, display_name, password_hash, preferred_locale)"
                    + " SELECT ?, 'IT branch', password_hash, 'en' FROM app_user WHERE login = 'bo'")) {
                u.setString(1, BRANCH_USER);
                assertEquals(1, u.executeUpdate());
            }
            try (PreparedStatement r = c.prepareStatement("INSERT INTO app_user_role (login, role_name) VALUES (?, 'branch')")) {
                r.setString(1, BRANCH_USER);
                r.executeUpdate();
            }
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void onlyTheBackOfficeSendsCommandsAndReadsEvents() throws Exception {
        ensureBranchUser();
        String id = "it-broker-" + UUID.randomUUID();
        String agentsId = "it-broker-agent-" + UUID.randomUUID();
        String refusals = "SELECT COUNT(*) FROM audit_event WHERE action = 'JMS_REFUSED' AND outcome = 'DENIED'"
                + " AND actor = '1001' AND target = 'kefu.backoffice.in' AND detail LIKE 'SEND on kefu.backoffice.in%'";
        long refusedBefore = count(refusals);
        try (JMSContext agent = remote().createContext("1001", PASSWORD)) {
            assertThrows(JMSSecurityRuntimeException.class,
                    () -> agent.createProducer().setJMSCorrelationID(agentsId).send(backOfficeIn,
                            "{\"type\":\"ping\",\"id\":\"" + agentsId + "\"}"), "an agent may not send back-office commands");
            assertThrows(JMSSecurityRuntimeException.class, () -> agent.createConsumer(backOfficeOut).close(),
                    "an agent may not read the back office's events");
        }
        try (JMSContext admin = remote().createContext("1006", PASSWORD)) {
            assertThrows(JMSSecurityRuntimeException.class, () -> admin.createProducer().send(backOfficeIn, "{\"type\":\"ping\"}"),
                    "not even an administrator");
        }
        try (JMSContext branch = remote().createContext(BRANCH_USER, PASSWORD)) {
            assertThrows(JMSSecurityRuntimeException.class, () -> branch.createProducer().send(backOfficeIn, "{\"type\":\"ping\"}"));
        }
        try (JMSContext bo = remote().createContext("bo", PASSWORD)) {
            bo.createProducer().setJMSCorrelationID(id).send(backOfficeIn, "{\"type\":\"ping\",\"id\":\"" + id + "\"}");
            try (JMSConsumer events = bo.createConsumer(backOfficeOut, "JMSCorrelationID = '" + id + "'")) {
                Message pong = events.receive(20_000);
                assertNotNull(pong, "the back office's ping was answered");
                assertEquals("pong", pong.getStringProperty("kefu_type"));
            }
            // The agent's refused command never reached Kefu: no answer to it.
            try (JMSConsumer events = bo.createConsumer(backOfficeOut, "JMSCorrelationID = '" + agentsId + "'")) {
                assertEquals(null, events.receive(2_000), "the agent's command was not carried out");
            }
        }
        // ... and the broker's refusal is on Kefu's audit trail, with who tried and which queue.
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (count(refusals) == refusedBefore && System.nanoTime() < until) {
            Thread.sleep(200); // the broker's notification reaches the audit trail through an MDB
        }
        assertEquals(refusedBefore + 1, count(refusals), "the agent's refused send on the audit trail");
    }

    private long count(String sql) throws Exception {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void onlyABranchAnswersOrders() throws Exception {
        ensureBranchUser();
        String forged = "it-forged-" + UUID.randomUUID();
        String fill = "{\"type\":\"fill\",\"orderRef\":\"" + forged + "\",\"branch\":\"GZ01\",\"price\":\"10.00\",\"quantity\":100}";
        for (String login : new String[] {"bo", "1001", "1006"}) {
            try (JMSContext notBranch = remote().createContext(login, PASSWORD)) {
                assertThrows(JMSSecurityRuntimeException.class, () -> notBranch.createProducer().send(replies, fill),
                        login + " may not answer for a branch");
                assertThrows(JMSSecurityRuntimeException.class, () -> notBranch.createConsumer(branchGz01).close(),
                        login + " may not take a branch's orders");
            }
        }
        // A branch may; Kefu still checks the answer against the order (an unknown one is dead-lettered).
        try (JMSContext branch = remote().createContext(BRANCH_USER, PASSWORD)) {
            branch.createProducer().setJMSCorrelationID(forged).send(replies, fill);
            branch.createConsumer(branchGz01).close();
        }
        String error = null;
        long until = System.currentTimeMillis() + 20_000;
        while (error == null && System.currentTimeMillis() < until) {
            try (JMSContext ctx = local.createContext();
                 QueueBrowser browser = ctx.createBrowser(repliesDlq, "JMSCorrelationID = '" + forged + "'")) {
                for (Object m : Collections.list(browser.getEnumeration())) {
                    error = ((Message) m).getStringProperty("kefu_error");
                }
            }
            if (error == null) {
                Thread.sleep(200);
            }
        }
        assertNotNull(error, "the branch's answer reached Kefu, which dead-lettered it");
        assertTrue(error.contains("unknown order"), error);
    }

    @Test
    @OperateOnDeployment("probe")
    void nobodyOutsideKefuConsumesItsOwnQueuesAndThereIsNoGuest() throws Exception {
        ensureBranchUser();
        for (String login : new String[] {"bo", "1006", BRANCH_USER}) {
            try (JMSContext ctx = remote().createContext(login, PASSWORD)) {
                for (Queue own : new Queue[] {backOfficeIn, replies, callbacks}) {
                    assertThrows(JMSSecurityRuntimeException.class, () -> ctx.createConsumer(own).close(),
                            login + " may not consume " + own.getQueueName());
                }
                assertThrows(JMSSecurityRuntimeException.class, () -> ctx.createProducer().send(callbacks, "{}"),
                        login + " may not queue callback jobs");
            }
        }
        assertThrows(JMSSecurityRuntimeException.class, () -> remote().createContext().close(), "no guest");
        assertThrows(JMSSecurityRuntimeException.class, () -> remote().createContext("bo", "wrong-password").close(),
                "a wrong password does not get in");
    }
}
