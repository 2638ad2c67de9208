package org.kefu.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

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

    static String baseUrl() {
        return "http://127.0.0.1:" + System.getProperty("kefu.http.port", "8180") + "/kefu/";
    }
}
