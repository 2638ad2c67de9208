package org.kefu.it.suite;

import org.jboss.arquillian.container.spi.event.container.AfterStart;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

import java.io.File;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * The EAR as the build made it, deployed through the management API right after the suite's
 * server ("wildfly") started and removed before it stops. The crash-recovery server deploys its
 * own, since it is killed and restarted on purpose.
 */
public final class SuiteDeployment {

    static final String NAME = "kefu.ear";
    private static final String SUITE_CONTAINER = "wildfly";
    private static final Logger LOG = Logger.getLogger(SuiteDeployment.class.getName());

    @Inject
    private Instance<Container> container;

    public void deploy(@Observes AfterStart event) throws IOException {
        if (!isSuiteContainer()) {
            return;
        }
        File ear = new File(System.getProperty("kefu.ear", "../ear/target/kefu.ear")).getAbsoluteFile();
        if (!ear.isFile()) {
            throw new IllegalStateException("Build the EAR first: " + ear + " is missing");
        }
        long start = System.nanoTime();
        try (ModelControllerClient client = client()) {
            if (exists(client)) {
                execute(client, Operations.createRemoveOperation(address())); // left by a run that died
            }
            ModelNode add = Operations.createAddOperation(address());
            add.get("enabled").set(true);
            ModelNode content = new ModelNode();
            content.get("url").set(ear.toURI().toString());
            add.get("content").add(content);
            execute(client, add);
        }
        LOG.info(() -> "kefu.ear deployed once for the suite in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    public void undeploy(@Observes BeforeStop event) throws IOException {
        if (!isSuiteContainer()) {
            return;
        }
        try (ModelControllerClient client = client()) {
            if (exists(client)) {
                execute(client, Operations.createRemoveOperation(address()));
            }
        }
    }

    private boolean isSuiteContainer() {
        return container.get() != null && SUITE_CONTAINER.equals(container.get().getName());
    }

    private static ModelControllerClient client() throws IOException {
        int port = Integer.parseInt(System.getProperty("kefu.it.management.port", "10090"));
        return ModelControllerClient.Factory.create("remote+http", "127.0.0.1", port);
    }

    private static ModelNode address() {
        return Operations.createAddress("deployment", NAME);
    }

    private static boolean exists(ModelControllerClient client) throws IOException {
        ModelNode read = Operations.createReadResourceOperation(address());
        return Operations.isSuccessfulOutcome(client.execute(read));
    }

    private static void execute(ModelControllerClient client, ModelNode op) throws IOException {
        ModelNode result = client.execute(op);
        if (!Operations.isSuccessfulOutcome(result)) {
            throw new IllegalStateException(op.get("operation").asString() + " of " + NAME + " failed: "
                    + Operations.getFailureDescription(result));
        }
    }
}
