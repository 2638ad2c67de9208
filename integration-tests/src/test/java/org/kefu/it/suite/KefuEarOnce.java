package org.kefu.it.suite;

import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Deploys the real EAR once per test server instead of once per test class: deploying it took
 * most of the integration suite's time, and the test classes now add only their small probes,
 * which link to the deployed EAR. Registered in META-INF/services.
 */
public final class KefuEarOnce implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(SuiteDeployment.class);
    }
}
