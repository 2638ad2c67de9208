package org.kefu.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The real EAR as the build made it: tests deploy exactly what users deploy. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive kefuEar() {
        File ear = new File(System.getProperty("kefu.ear", "../ear/target/kefu.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("Build the EAR first: " + ear.getAbsolutePath() + " is missing");
        }
        return ShrinkWrap.create(ZipImporter.class, "kefu.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    /**
     * A probe WAR beside the EAR that links to its EJB jar (so both see the same business
     * classes) and carries the banking fixtures.
     */
    static WebArchive bankingProbe(String name, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addClasses(classes)
                .addClass(BankingFixtures.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.kefu.ear.kefu-ejb.jar\n"));
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + System.getProperty("kefu.http.port", "8180") + "/kefu/";
    }
}
