package org.kefu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layers of the EJB module (issue 15 item 4; README, Architecture). A dependency that
 * points upwards is inverted by a port: an interface owned by the lower package, implemented in the
 * upper one (acd.DialCheck, banking.BackOfficeEvents, ivr.calls.OfficeCalendar,
 * security.DeskExtensions). Any new cycle fails the build here.
 */
class PackageLayersTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importEjbModule() {
        // This module's own classes only (not the telephony API or login guard jars, not the tests).
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.kefu");
    }

    @Test
    void noCycleBetweenDomains() {
        slices().matching("org.kefu.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void noCycleBetweenPackages() {
        // Finer: a package and its sub-packages count apart (acd.routing must not lean on acd, ...).
        slices().matching("org.kefu.(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void securityDependsOnNoDomainAboveIt() {
        noClasses().that().resideInAPackage("org.kefu.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kefu.acd..", "org.kefu.crm..",
                        "org.kefu.banking..", "org.kefu.callflow..", "org.kefu.ivr..")
                .check(classes);
    }

    @Test
    void theCallTableDependsOnNoDomain() {
        // Every owner of a call (callflow, acd, ivr.calls, assisted, later outbound) hands calls on through it.
        noClasses().that().resideInAPackage("org.kefu.calls..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kefu.acd..", "org.kefu.callflow..", "org.kefu.ivr..",
                        "org.kefu.assisted..", "org.kefu.banking..", "org.kefu.crm..", "org.kefu.outbound..", "org.kefu.security..")
                .check(classes);
    }

    @Test
    void routingEngineIsPlainJava() {
        noClasses().that().resideInAPackage("org.kefu.acd.routing..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.kefu.acd")
                .check(classes);
    }

    @Test
    void ivrEngineIsPlainJava() {
        noClasses().that().resideInAPackage("org.kefu.ivr")
                .should().dependOnClassesThat().resideInAPackage("jakarta..")
                .check(classes);
    }

    @Test
    void acdAsksPortsInsteadOfCallingUp() {
        noClasses().that().resideInAPackage("org.kefu.acd..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kefu.callflow..", "org.kefu.outbound..",
                        "org.kefu.backoffice..", "org.kefu.banking..", "org.kefu.assisted..")
                .check(classes);
    }

    @Test
    void bankingAndSecuritiesPublishThroughTheirPort() {
        noClasses().that().resideInAnyPackage("org.kefu.banking..", "org.kefu.securities..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kefu.backoffice..", "org.kefu.acd..",
                        "org.kefu.assisted..", "org.kefu.callflow..", "org.kefu.crm..")
                .check(classes);
    }
}
