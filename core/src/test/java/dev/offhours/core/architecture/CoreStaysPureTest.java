package dev.offhours.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** core is the domain without I/O: adapters depend on it, never the other way. */
@AnalyzeClasses(packages = "dev.offhours.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreStaysPureTest {

    @ArchTest
    static final ArchRule noAwsDropwizardJgitOrQuartz = noClasses()
            .that().resideInAPackage("dev.offhours.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "io.dropwizard..", "org.eclipse.jgit..", "org.quartz..")
            .because("core is the domain without I/O; AWS, Dropwizard, JGit and Quartz belong in adapters");
}
