package org.kefu.examples;

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
import java.util.Hashtable;

/**
 * Calls Kefu's @Remote back-office views as user bo (role backoffice), authenticated by Kefu's
 * own security domain (KefuDomain) on the remoting connector.
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.args="remote+http://127.0.0.1:8080 bo kefu2026 6222020000000001 GZ01000001"
 * </pre>
 */
public final class BackOfficeRemoteClient {

    private BackOfficeRemoteClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: BackOfficeRemoteClient <remote+http://host:port> <login> <password> <bank account> <securities account>");
            System.exit(2);
        }
        AuthenticationConfiguration login = AuthenticationConfiguration.empty()
                .useName(args[1]).usePassword(args[2])
                // Kefu's users have bcrypt hashes: PLAIN is the mechanism (use TLS outside a trusted network).
                .setSaslMechanismSelector(SaslMechanismSelector.NONE.addMechanism("PLAIN"));
        AuthenticationContext.empty().with(MatchRule.ALL, login).runExceptionAction(() -> {
            Hashtable<String, String> env = new Hashtable<>();
            env.put(Context.INITIAL_CONTEXT_FACTORY, "org.wildfly.naming.client.WildFlyInitialContextFactory");
            env.put(Context.PROVIDER_URL, args[0]);
            InitialContext jndi = new InitialContext(env);
            BackOfficeBanking banking = (BackOfficeBanking) jndi.lookup(
                    "ejb:kefu/kefu-ejb/BackOfficeBankingBean!org.kefu.banking.BackOfficeBanking");
            BackOfficeSecurities securities = (BackOfficeSecurities) jndi.lookup(
                    "ejb:kefu/kefu-ejb/BackOfficeSecuritiesBean!org.kefu.securities.BackOfficeSecurities");
            AccountBalance balance = banking.balance(args[3]);
            System.out.printf("account %s: balance %s, held %s, available %s %s (%s)%n", balance.accountNumber(),
                    balance.balance(), balance.held(), balance.available(), balance.currency(), balance.status());
            Holdings holdings = securities.holdings(args[4]);
            System.out.printf("securities %s at %s: cash %s (frozen %s)%n", holdings.accountId(), holdings.branchCode(),
                    holdings.cash(), holdings.frozenCash());
            holdings.positions().forEach(p -> System.out.printf("  %s %s: %d shares (%d frozen)%n", p.code(), p.name(), p.quantity(), p.frozen()));
            return null;
        });
    }
}
