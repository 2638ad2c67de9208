package org.kefu.examples;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.wildfly.security.auth.client.AuthenticationConfiguration;
import org.wildfly.security.auth.client.AuthenticationContext;
import org.wildfly.security.auth.client.MatchRule;
import org.wildfly.security.sasl.SaslMechanismSelector;

import javax.naming.Context;
import javax.naming.InitialContext;
import java.util.Hashtable;

/**
 * Reads Kefu's messages to the back office (queue kefu.backoffice.out) and prints them, one
 * JMS transaction per message: a message is gone from the queue only once it was handled here.
 * A real consumer dispatches on the property kefu_type and deduplicates on the reference.
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.args="remote+http://127.0.0.1:8080 bo kefu2026 bo kefu2026"
 * </pre>
 * The first login (a Kefu user with role backoffice) signs in to Kefu's remoting for the JNDI
 * lookups; the second is the message broker's user, a Kefu login too (role backoffice, see README.md).
 */
public final class BackOfficeConsumer {

    private BackOfficeConsumer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: BackOfficeConsumer <remote+http://host:port> <kefu login> <kefu password> <jms user> <jms password>");
            System.exit(2);
        }
        AuthenticationConfiguration kefuLogin = AuthenticationConfiguration.empty()
                .useName(args[1]).usePassword(args[2])
                // Kefu's users have bcrypt hashes: PLAIN is the mechanism (use TLS outside a trusted network).
                .setSaslMechanismSelector(SaslMechanismSelector.NONE.addMechanism("PLAIN"));
        AuthenticationContext.empty().with(MatchRule.ALL, kefuLogin).runExceptionAction(() -> {
            Hashtable<String, String> env = new Hashtable<>();
            env.put(Context.INITIAL_CONTEXT_FACTORY, "org.wildfly.naming.client.WildFlyInitialContextFactory");
            env.put(Context.PROVIDER_URL, args[0]);
            InitialContext jndi = new InitialContext(env);
            ConnectionFactory factory = (ConnectionFactory) jndi.lookup("jms/RemoteConnectionFactory");
            Queue out = (Queue) jndi.lookup("jms/queue/kefu/backoffice/out");
            try (JMSContext jms = factory.createContext(args[3], args[4], JMSContext.SESSION_TRANSACTED);
                 JMSConsumer consumer = jms.createConsumer(out)) {
                System.out.println("Waiting for Kefu's messages on kefu.backoffice.out (Ctrl+C stops)");
                while (true) {
                    Message m = consumer.receive(60_000);
                    if (m == null) {
                        continue;
                    }
                    System.out.printf("%s %s %s%n", m.getStringProperty("kefu_type"), m.getJMSCorrelationID(), m.getBody(String.class));
                    jms.commit();
                }
            }
        });
    }
}
