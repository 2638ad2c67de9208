package org.kefu.it;

import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kefu.banking.AccountBalance;
import org.kefu.banking.BackOfficeBanking;
import org.kefu.securities.BackOfficeSecurities;
import org.kefu.securities.Holdings;
import org.wildfly.security.auth.client.AuthenticationConfiguration;
import org.wildfly.security.auth.client.AuthenticationContext;
import org.wildfly.security.auth.client.MatchRule;
import org.wildfly.security.sasl.SaslMechanismSelector;

import javax.naming.Context;
import javax.naming.InitialContext;
import java.math.BigDecimal;
import java.util.Hashtable;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The @Remote back-office views called from outside the server, as the bank's back office
 * does: over remoting (remote+http on the HTTP port), signed in against KefuDomain
 * (wildfly-config/cli/security.cli: SASL PLAIN on the remoting connector), as {@code bo}
 * (role backoffice). An agent's login is authenticated but refused by the views' role check; a
 * wrong password does not get in at all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RemoteBackOfficeIT {

    private static final String BANKING = "ejb:kefu/kefu-ejb/BackOfficeBankingBean!org.kefu.banking.BackOfficeBanking";
    private static final String SECURITIES = "ejb:kefu/kefu-ejb/BackOfficeSecuritiesBean!org.kefu.securities.BackOfficeSecurities";

    private static <T> T as(String login, String password, Callable<T> call) throws Exception {
        AuthenticationConfiguration config = AuthenticationConfiguration.empty()
                .useName(login)
                .usePassword(password)
                .setSaslMechanismSelector(SaslMechanismSelector.NONE.addMechanism("PLAIN"));
        return AuthenticationContext.empty().with(MatchRule.ALL, config).runCallable(call);
    }

    private static <T> T lookup(String name, Class<T> type) throws Exception {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "org.wildfly.naming.client.WildFlyInitialContextFactory");
        env.put(Context.PROVIDER_URL, "remote+http://127.0.0.1:" + System.getProperty("kefu.http.port", "8180"));
        return type.cast(new InitialContext(env).lookup(name));
    }

    @Test
    void theBackOfficeReadsBalancesAndHoldingsRemotely() throws Exception {
        AccountBalance balance = as("bo", "kefu2026", () -> lookup(BANKING, BackOfficeBanking.class).balance("6222020000000002"));
        assertEquals("6222020000000002", balance.accountNumber());
        assertTrue(balance.balance().compareTo(BigDecimal.ZERO) > 0);
        Holdings zhang = as("bo", "kefu2026", () -> lookup(SECURITIES, BackOfficeSecurities.class).holdings("GZ01000001"));
        assertEquals("GZ01", zhang.branchCode());
        assertTrue(as("bo", "kefu2026", () -> lookup(SECURITIES, BackOfficeSecurities.class).quotes()).size() >= 3);
    }

    @Test
    void anAgentIsAuthenticatedButNotAllowed() {
        assertThrows(EJBAccessException.class,
                () -> as("1001", "kefu2026", () -> lookup(BANKING, BackOfficeBanking.class).balance("6222020000000002")));
        assertThrows(EJBAccessException.class,
                () -> as("1001", "kefu2026", () -> lookup(SECURITIES, BackOfficeSecurities.class).quotes()));
    }

    @Test
    void aWrongPasswordDoesNotGetIn() {
        Exception e = assertThrows(Exception.class,
                () -> as("bo", "wrong-password", () -> lookup(BANKING, BackOfficeBanking.class).balance("6222020000000002")));
        assertTrue(!(e instanceof EJBAccessException), "refused at authentication, not at the role check: " + e);
    }
}
